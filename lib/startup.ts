// A bad setting stops the server at start with one line naming it, before any request is served.
export async function startServer(): Promise<void> {
  try {
    await import("./env");
  } catch (error) {
    if (error instanceof Error && error.name === "InvalidSettingError") {
      console.error(`keyline: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
