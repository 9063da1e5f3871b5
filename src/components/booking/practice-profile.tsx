// Who the coach is, on the public booking pages: photo, credentials, languages and bio; the
// page-wide note the coach wrote for every booking page.

export type PracticeProfileView = {
  bio: string;
  credentials: string;
  languages: string[];
  pageNote: string;
  photoUrl: string | null;
};

function Photo({ url, name, size }: { url: string | null; name: string; size: "large" | "small" }) {
  const box = size === "large" ? "h-24 w-24 sm:h-28 sm:w-28" : "h-12 w-12";
  if (!url) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own cached route; next/image's optimizer adds nothing for one small photo
    <img src={url} alt={`Photo of ${name}`} className={`${box} shrink-0 rounded-full object-cover ring-4 ring-brand-100`} />
  );
}

function Languages({ languages }: { languages: string[] }) {
  if (!languages.length) return null;
  return (
    <p className="text-sm text-muted">
      <span className="font-medium text-ink">Sessions in:</span> {languages.join(", ")}
    </p>
  );
}

/** The practice's front page: the profile in full, beside the practice's name. */
export function PracticeProfileHeader({ name, profile, children }: { name: string; profile: PracticeProfileView; children?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
      <Photo url={profile.photoUrl} name={name} size="large" />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-brand-700">Book a session</p>
        <h1 className="mt-1 font-serif text-3xl font-semibold text-ink sm:text-4xl">{name}</h1>
        {profile.credentials ? <p className="mt-2 text-sm font-medium text-ink/80">{profile.credentials}</p> : null}
        {profile.bio ? <p className="mt-3 max-w-2xl whitespace-pre-line leading-relaxed text-ink/90">{profile.bio}</p> : null}
        <div className="mt-3 space-y-2">
          <Languages languages={profile.languages} />
          {children}
        </div>
      </div>
    </div>
  );
}

/** An offering's page: who the session is with, in one line, with the photo. */
export function PracticeProfileLine({ name, profile }: { name: string; profile: PracticeProfileView }) {
  if (!profile.photoUrl && !profile.credentials && !profile.languages.length) return null;
  return (
    <div className="mt-4 flex items-center gap-3">
      <Photo url={profile.photoUrl} name={name} size="small" />
      <div className="min-w-0 text-sm">
        <p className="font-medium text-ink">With {name}</p>
        {profile.credentials ? <p className="text-muted">{profile.credentials}</p> : null}
        {profile.languages.length ? <p className="text-muted">Sessions in {profile.languages.join(", ")}</p> : null}
      </div>
    </div>
  );
}

/** The coach's note for every booking page ("I'm away July 1–14"). */
export function PageNote({ note }: { note: string }) {
  if (!note) return null;
  return (
    <aside aria-label={`A note from the coach`} className="mb-6 rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 text-sm whitespace-pre-line text-brand-800">
      {note}
    </aside>
  );
}
