import { Body, Button, Container, Head, Heading as EmailHeading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

/**
 * The frame every Tend email shares. Inline styles and table-based
 * components only: mail clients ignore stylesheets and most modern CSS.
 * The palette matches the app (warm paper, deep teal) so a message looks
 * like it came from the same calm place the link leads to.
 */
export const palette = {
  paper: "#faf8f5",
  card: "#ffffff",
  ink: "#1f2933",
  muted: "#5f6b76",
  line: "#e4dfd8",
  brand: "#1f6f6a",
  brandDark: "#11443f",
} as const;

const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function EmailLayout({
  preview,
  brand = "Tend",
  footer,
  children,
}: {
  /** The line inbox lists show next to the subject. */
  preview: string;
  /** Who the email is from, shown at the top: the practice's name, or Tend. */
  brand?: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ margin: 0, padding: "24px 0", backgroundColor: palette.paper, fontFamily, color: palette.ink }}>
        <Container style={{ maxWidth: "560px", width: "100%", margin: "0 auto", padding: "0 12px" }}>
          <Text style={{ margin: "0 0 16px", fontSize: "15px", fontWeight: 600, letterSpacing: "0.02em", color: palette.brand }}>
            {brand}
          </Text>
          <Section
            style={{
              backgroundColor: palette.card,
              border: `1px solid ${palette.line}`,
              borderRadius: "12px",
              padding: "28px 28px 20px",
            }}
          >
            {children}
          </Section>
          <Section style={{ padding: "16px 4px 0" }}>
            {footer ? <Text style={styles.footer}>{footer}</Text> : null}
            <Text style={styles.footer}>Sent with Tend, practice management for relationship coaches.</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const styles = {
  heading: { margin: "0 0 16px", fontSize: "22px", lineHeight: "30px", fontWeight: 600, color: palette.ink },
  paragraph: { margin: "0 0 16px", fontSize: "16px", lineHeight: "26px", color: palette.ink },
  small: { margin: "0 0 12px", fontSize: "14px", lineHeight: "22px", color: palette.muted },
  footer: { margin: "0 0 6px", fontSize: "12px", lineHeight: "18px", color: palette.muted },
  link: { color: palette.brand, textDecoration: "underline" },
  url: { color: palette.brand, textDecoration: "underline", wordBreak: "break-all" },
} satisfies Record<string, CSSProperties>;

export function Heading({ children }: { children: ReactNode }) {
  return (
    <EmailHeading as="h1" style={styles.heading}>
      {children}
    </EmailHeading>
  );
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? styles.small : styles.paragraph}>{children}</Text>;
}

/** The one thing the reader should do, as a big tappable button. */
export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: palette.brand,
          color: "#ffffff",
          borderRadius: "8px",
          padding: "12px 22px",
          fontSize: "16px",
          fontWeight: 600,
          textDecoration: "none",
          display: "inline-block",
        }}
      >
        {children}
      </Button>
    </Section>
  );
}

/**
 * The raw address under a button, for clients that strip buttons and for
 * people who prefer to paste. Left out of the plain-text version, where
 * the button already reads as its label followed by the address.
 */
export function FallbackUrl({ href }: { href: string }) {
  return (
    <Section data-skip-in-text="true">
      <Text style={styles.small}>If the button doesn&apos;t work, copy this address into your browser:</Text>
      <Text style={{ ...styles.small, marginBottom: "20px" }}>
        <Link href={href} style={styles.url}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

export function Divider() {
  return <Hr style={{ borderColor: palette.line, margin: "8px 0 16px" }} />;
}
