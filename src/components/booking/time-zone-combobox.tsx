"use client";

import { useId, useMemo, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { describeZone, formatTime, zoneCity, zoneName, zoneOffset } from "@/lib/time/format";

type ZoneOption = { zone: string; city: string; region: string; name: string; offset: string; search: string };

const MAX_SHOWN = 80;

let allZones: string[] | undefined;
function zones(): string[] {
  allZones ??= (() => {
    const list = Intl.supportedValuesOf("timeZone");
    return list.includes("UTC") ? list : ["UTC", ...list];
  })();
  return allZones;
}

function optionFor(zone: string, at: Date): ZoneOption {
  const city = zoneCity(zone);
  const region = zone.includes("/") ? zone.split("/")[0]!.replaceAll("_", " ") : "";
  const name = zoneName(zone, at);
  const offset = zoneOffset(zone, at);
  const search = `${zone} ${city} ${region} ${name} ${offset}`.toLowerCase().replaceAll("_", " ");
  return { zone, city, region, name, offset, search };
}

/**
 * A searchable time zone picker (the ARIA 1.2 combobox pattern): type a city,
 * a region or a zone's name ("pacific", "london", "india"), move with the
 * arrow keys, choose with Enter or a tap, Escape to back out.
 */
export function TimeZoneCombobox({
  value,
  onChange,
  label = "Time zone",
  hint,
}: {
  value: string;
  onChange: (zone: string) => void;
  label?: string;
  hint?: string;
}) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  // Built when first opened (about 400 zones); "now" is fixed for the list's lifetime.
  const options = useMemo(() => {
    if (!open) return [];
    const at = new Date();
    return zones().map((zone) => optionFor(zone, at));
  }, [open]);

  const matches = useMemo(() => {
    const words = query.toLowerCase().replaceAll("_", " ").split(/\s+/).filter(Boolean);
    const found = words.length ? options.filter((o) => words.every((w) => o.search.includes(w))) : options;
    // The current choice first when nothing is typed, so Enter keeps it.
    if (!words.length) {
      const current = found.find((o) => o.zone === value);
      return current ? [current, ...found.filter((o) => o !== current)] : found;
    }
    return found;
  }, [options, query, value]);
  const shown = matches.slice(0, MAX_SHOWN);

  function openList() {
    setOpen(true);
    setActive(0);
  }

  function close() {
    setOpen(false);
    setQuery("");
  }

  function choose(option: ZoneOption | undefined) {
    if (option) onChange(option.zone);
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
          aria-describedby={hintId}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className={`${inputClass} pr-9`}
          value={open ? query : describeZone(value)}
          placeholder={open ? "Type a city or region, like London" : undefined}
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
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <ul
        id={listId}
        ref={listRef}
        role="listbox"
        aria-label="Time zones"
        hidden={!open}
        className="absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-xl border border-line bg-white py-1 shadow-lg"
      >
        {open && shown.length === 0 ? <li className="px-3 py-2 text-sm text-muted">No time zone matches “{query}”. Try a nearby big city.</li> : null}
        {shown.map((option, index) => (
          <li
            key={option.zone}
            id={`${id}-opt-${index}`}
            data-index={index}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm ${index === active ? "bg-brand-50" : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => (index !== active ? setActive(index) : undefined)}
            onClick={() => choose(option)}
          >
            <span className="min-w-0">
              <span className={`block truncate ${option.zone === value ? "font-semibold text-brand-800" : "text-ink"}`}>
                {option.city}
                {option.region && option.region !== option.city ? <span className="font-normal text-muted">, {option.region}</span> : null}
              </span>
              <span className="block truncate text-xs text-muted">
                {option.name} · {option.offset}
              </span>
            </span>
            <span className="shrink-0 text-xs tabular-nums text-muted">{formatTime(new Date().toISOString(), option.zone)}</span>
          </li>
        ))}
        {matches.length > MAX_SHOWN ? <li className="px-3 py-2 text-xs text-muted">Keep typing to see more…</li> : null}
      </ul>
    </div>
  );
}
