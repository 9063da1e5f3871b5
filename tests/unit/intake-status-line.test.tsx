import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IntakeStatusLine } from "@/components/intake/intake-status";

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("IntakeStatusLine", () => {
  it("warns in words when the offering requires the intake and a partner has not submitted", () => {
    const html = renderToStaticMarkup(
      <IntakeStatusLine
        required
        people={[
          { name: "Sam", status: "submitted" },
          { name: "Alex", status: "not_started" },
        ]}
      />,
    );
    expect(text(html)).toBe("Required intake not submitted. Intake: Sam submitted, Alex not started");
  });

  it("says nothing extra once everyone submitted, or when the intake is not required", () => {
    expect(text(renderToStaticMarkup(<IntakeStatusLine required people={[{ name: "Sam", status: "submitted" }]} />))).toBe("Intake: submitted");
    expect(text(renderToStaticMarkup(<IntakeStatusLine people={[{ name: "Sam", status: "in_progress" }]} />))).toBe("Intake: in progress");
  });

  it("shows nothing when no intake was asked", () => {
    expect(renderToStaticMarkup(<IntakeStatusLine required people={[{ name: "Sam", status: undefined }]} />)).toBe("");
  });
});
