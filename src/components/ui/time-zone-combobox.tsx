"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { describeZone, formatTime } from "@/lib/time/format";
import type { ZoneEntry, ZoneMatch } from "@/lib/time/zone-search";

const MAX_SHOWN = 80;

type Search = { entries: ZoneEntry[]; search: (entries: ZoneEntry[], query: string) => ZoneMatch[] };

/**
 * A searchable time zone picker (the ARIA 1.2 combobox pattern): type a city, a country, an
 * abbreviation or a zone ("Mumbai", "India", "EST", "Asia/Kolkata"), move with the arrow keys,
 * choose with Enter or a tap, Escape to back out. The search data (src/lib/time/zone-search.ts)
 * loads when the list first opens, so pages that only show a zone don't carry it.
 *
 * With `name` it is a form field: a hidden input carries the chosen zone, and `errors` show
 * under it as on every other field.
 */
export function TimeZoneCombobox({
  value,
  onChange,
  label = "Time zone",
  hint,
  name,
  errors,
}: {
  value: string;
  onChange: (zone: string) => void;
  label?: string;
  hint?: string;
  name?: string;
  errors?: string[];
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [search, setSearch] = useState<Search | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Built when first opened (about 420 zones); "now" (summer or winter names) is fixed for the list's lifetime.
  useEffect(() => {
    if (!open || search) return;
    let live = true;
    void import("@/lib/time/zone-search").then((m) => {
      if (live) setSearch({ entries: m.zoneEntries(new Date()), search: m.searchZones });
    });
    return () => {
      live = false;
    };
  }, [open, search]);

  const matches = useMemo(() => {
    if (!search) return [];
    const found = search.search(search.entries, query);
    // The current choice first when nothing is typed, so Enter keeps it.
    if (!query.trim()) {
      const current = found.find((m) => m.entry.zone === value);
      return current ? [current, ...found.filter((m) => m !== current)] : found;
    }
    return found;
  }, [search, query, value]);
  const shown = matches.slice(0, MAX_SHOWN);

  function openList() {
    setOpen(true);
    setActive(0);
  }

  function close() {
    setOpen(false);
    setQuery("");
  }

  function choose(match: ZoneMatch | undefined) {
    if (match) onChange(match.entry.zone);
    close();
  }

  function moveActive(next: number) {
    const clamped = Math.max(0, Math.min(shown.length - 1, next));
    setActive(clamped);
    listRef.current?.querySelector(`[data-index="${clamped}"]`)?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) openList();
        else moveActive(active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList();
        else moveActive(active - 1);
        break;
      case "PageDown":
        if (open) {
          event.preventDefault();
          moveActive(active + 8);
        }
        break;
      case "PageUp":
        if (open) {
          event.preventDefault();
          moveActive(active - 8);
        }
        break;
      case "Enter":
        if (open) {
          event.preventDefault();
          choose(shown[active]);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        if (open) close();
        break;
    }
  }

  const activeId = open && shown[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div className="relative">
      <label htmlFor={inputId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="relative mt-1.5">
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className={`${inputClass} pr-9`}
          value={open ? query : describeZone(value)}
          placeholder={open ? "Type a city, country or zone, like London" : undefined}
          onFocus={(e) => e.target.select()}
          onChange={(e) => {
            let typed = e.target.value;
            // Typing into the closed box starts a search, not an edit of the zone's label.
            if (!open) {
              const label = describeZone(value);
              if (typed.startsWith(label)) typed = typed.slice(label.length);
              setOpen(true);
            }
            setQuery(typed);
            setActive(0);
          }}
          onClick={() => (open ? undefined : openList())}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <button
          type="button"
          tabIndex={-1}
          aria-label={open ? "Close the list" : "Show all time zones"}
          className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-muted"
          // Keep focus in the input; a click on the arrow toggles the list.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => (open ? close() : openList())}
        >
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-4 w-4">
            <path fillRule="evenodd" d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
          </svg>
        </button>
      </div>
      {name ? <input type="hidden" name={name} value={value} /> : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-clay-600" role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        aria-label="Matching zones"
        hidden={!open}
        className="absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-xl border border-line bg-white py-1 shadow-lg"
      >
        {open && !search ? <li className="px-3 py-2 text-sm text-muted">Loading time zones…</li> : null}
        {open && search && shown.length === 0 ? <li className="px-3 py-2 text-sm text-muted">No time zone matches “{query}”. Try a nearby big city or the country.</li> : null}
        {shown.map(({ entry, via }, index) => (
          <li
            key={entry.zone}
            id={`${id}-opt-${index}`}
            data-index={index}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm ${index === active ? "bg-brand-50" : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => (index !== active ? setActive(index) : undefined)}
            onClick={() => choose(shown[index])}
          >
            <span className="min-w-0">
              <span className={`block truncate ${entry.zone === value ? "font-semibold text-brand-800" : "text-ink"}`}>
                {entry.city}
                {entry.country && entry.country !== entry.city ? <span className="font-normal text-muted">, {entry.country}</span> : null}
                {via ? <span className="font-normal text-muted"> (includes {via})</span> : null}
              </span>
              <span className="block truncate text-xs text-muted">
                {entry.name} · {entry.offset} · {entry.zone}
              </span>
            </span>
            <span className="shrink-0 text-xs tabular-nums text-muted">{formatTime(new Date().toISOString(), entry.zone)}</span>
          </li>
        ))}
        {matches.length > MAX_SHOWN ? <li className="px-3 py-2 text-xs text-muted">Keep typing to see more…</li> : null}
      </ul>
    </div>
  );
}

/** The combobox as an uncontrolled form field: `defaultValue` first, the choice posted as `name`. */
export function TimeZoneField({ defaultValue, ...props }: { name: string; defaultValue: string; label?: string; hint?: string; errors?: string[] }) {
  const [zone, setZone] = useState(defaultValue);
  return <TimeZoneCombobox {...props} value={zone} onChange={setZone} />;
}
