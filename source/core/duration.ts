/**
 * A polling interval as people write it: `30s`, `2m`, `1m30s`, `500ms` or plain seconds (`15`).
 * Seconds as a number, or a message saying what is wrong.
 */
export function parseDuration(
  text: string,
): {ok: true; seconds: number} | {ok: false; message: string} {
  const trimmed = text.trim().toLowerCase();
  const bad = {
    ok: false as const,
    message: `"${text}" is not a duration: write e.g. 30s, 2m, 1m30s or a number of seconds`,
  };
  if (/^\d+(\.\d+)?$/.test(trimmed)) return positive(Number(trimmed), text);
  const parts =
    /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(
      trimmed,
    );
  if (!parts || trimmed === '') return bad;
  const [, h, m, s, ms] = parts;
  return positive(
    Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0) + Number(ms ?? 0) / 1000,
    text,
  );
}

function positive(seconds: number, text: string) {
  return seconds > 0 && Number.isFinite(seconds)
    ? {ok: true as const, seconds}
    : {ok: false as const, message: `"${text}" is not a positive duration`};
}
