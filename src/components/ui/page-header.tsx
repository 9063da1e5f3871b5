/** The title block at the top of every dashboard and portal page. */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  back?: React.ReactNode;
}) {
  return (
    <header className="mb-6 sm:mb-8">
      {back ? <div className="mb-3 text-sm">{back}</div> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="font-serif text-2xl font-semibold text-ink sm:text-3xl">{title}</h1>
          {description ? <div className="mt-1.5 max-w-2xl text-sm text-muted sm:text-base">{description}</div> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
