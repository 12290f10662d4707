import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// A private CA and a leaf certificate for loopback HTTPS servers of the tests (client ID metadata
// documents): made once per folder with the openssl CLI; the app trusts the CA through NODE_EXTRA_CA_CERTS.
export type LoopbackTls = { caFile: string; ca: string; cert: string; key: string };

// The e2e rig's set, beside its log folder (scripts/e2e.sh removes both after the run); the config (for the
// app's NODE_EXTRA_CA_CERTS) and the workers (for their servers) find the same one.
export function rigLoopbackTls(): LoopbackTls {
  const logDir = process.env.E2E_LOG_DIR ?? path.resolve("test-results", "app-logs");
  return loopbackTls(path.join(path.dirname(logDir), "loopback-tls"));
}

export const LEAF_NAMES = ["localhost", "metadata.test", "127.0.0.1"];

function openssl(args: string[], cwd: string) {
  execFileSync("openssl", args, { cwd, stdio: "ignore" });
}

export function loopbackTls(dir: string): LoopbackTls {
  const files = { caFile: path.join(dir, "ca.pem"), cert: path.join(dir, "leaf.pem"), key: path.join(dir, "leaf-key.pem") };
  if (!fs.existsSync(files.cert)) {
    // Made in a scratch folder and renamed into place, so a parallel reader never sees half a set.
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const scratch = fs.mkdtempSync(`${dir}-making-`);
    openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Keyline test CA"], scratch);
    openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "leaf-key.pem", "-out", "leaf.csr", "-subj", "/CN=localhost"], scratch);
    const san = LEAF_NAMES.map((name) => (/^[0-9.]+$/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(",");
    fs.writeFileSync(path.join(scratch, "leaf.ext"), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    openssl(["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext"], scratch);
    try {
      fs.renameSync(scratch, dir);
    } catch {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  return { caFile: files.caFile, ca: fs.readFileSync(files.caFile, "utf8"), cert: fs.readFileSync(files.cert, "utf8"), key: fs.readFileSync(files.key, "utf8") };
}
