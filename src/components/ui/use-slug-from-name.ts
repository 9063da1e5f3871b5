"use client";

import { useState } from "react";
import { slugify } from "@/lib/slugify";

/**
 * A name and a web address typed together: the address follows the name (slugified) until the
 * person edits it by hand. `follow: false` starts with the address already the person's own.
 */
export function useSlugFromName(initial: { name: string; slug: string; follow: boolean }) {
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [edited, setEdited] = useState(!initial.follow);
  return {
    name,
    slug,
    onNameChange(value: string) {
      setName(value);
      if (!edited) setSlug(slugify(value));
    },
    onSlugChange(value: string) {
      setEdited(true);
      setSlug(value.toLowerCase());
    },
  };
}
