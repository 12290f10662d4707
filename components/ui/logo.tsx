export function Logo({ className }: { className?: string }) {
  return (
    <span className={className}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-1.5 inline h-5 w-5 align-[-4px]" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="8" cy="12" r="4" />
        <path d="M12 12h9M18 12v3M21 12v2" strokeLinecap="round" />
      </svg>
      <span className="font-semibold tracking-tight">Keyline</span>
    </span>
  );
}
