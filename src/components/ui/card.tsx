export function Card({ children, className = "", as: Tag = "section", ...rest }: { children: React.ReactNode; className?: string; as?: "section" | "div" | "article" | "li" } & React.HTMLAttributes<HTMLElement>) {
  return (
    <Tag className={`rounded-2xl border border-line bg-white p-5 shadow-sm sm:p-6 ${className}`} {...rest}>
      {children}
    </Tag>
  );
}
