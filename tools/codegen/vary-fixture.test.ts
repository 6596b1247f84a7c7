import { describe, expect, it } from "vitest";
import { distinctPerson, numberName, personName, shiftDates } from "./vary-fixture.ts";

describe("distinctPerson", () => {
  it("gives a person record the n-th name in every name field and an address made of it", () => {
    const record = {
      first_name: "Daniel",
      last_name: "Okafor",
      name: "Daniel Okafor",
      email: "daniel.okafor@northwind.example",
      manager_email: "lena.berg@northwind.example",
      manager_id: 7,
    };
    distinctPerson(record, 3, new Set());
    const { first, last } = personName(3);
    expect(record).toEqual({
      first_name: first,
      last_name: last,
      name: `${first} ${last}`,
      email: `${first}.${last}@northwind.example`.toLowerCase(),
      // Another record's address, named by its id, stays that record's.
      manager_email: "lena.berg@northwind.example",
      manager_id: 7,
    });
  });

  it("numbers a made address that is taken, and the own addresses of a record that is no person", () => {
    const { first, last } = personName(5);
    const taken = `${first}.${last}@x.example`.toLowerCase();
    const person = { firstname: "A", lastname: "B", email: "a.b@x.example" };
    distinctPerson(person, 5, new Set([taken]));
    expect(person.email).toBe(`${first}.${last}5@x.example`.toLowerCase());

    const company = { title: "Acme", billing: "billing@acme.example" };
    distinctPerson(company, 4, new Set());
    expect(company).toEqual({ title: "Acme", billing: "billing4@acme.example" });
  });

  it("names a record with a name beside its own address (a lead), and leaves a named thing alone", () => {
    const lead = { name: "Maria Jensen", email: "maria.jensen@nordlys.example" };
    distinctPerson(lead, 2, new Set());
    expect(lead.name).toBe(`${personName(2).first} ${personName(2).last}`);
    const project = { name: "Website Redesign", owner_id: 1 };
    expect(distinctPerson(project, 2, new Set())).toBe(false);
    expect(project.name).toBe("Website Redesign");
    expect(distinctPerson(lead, 3, new Set())).toBe(true);
  });

  it("has a different name pair for each of the first 576 records", () => {
    const pairs = new Set(Array.from({ length: 576 }, (_, n) => JSON.stringify(personName(n))));
    expect(pairs.size).toBe(576);
  });
});

describe("shiftDates", () => {
  it("moves every date and date-time back by the same whole days, keeping each format", () => {
    const record = {
      date_from: "2025-03-03",
      date_to: "2025-03-09",
      created_at: "2024-03-04 09:12:45",
      modified: "2025-01-02T08:30:00+02:00",
      title: "2025 plan",
      count: 3,
    };
    shiftDates(record, 5);
    expect(record).toEqual({
      date_from: "2025-02-26",
      date_to: "2025-03-04",
      created_at: "2024-02-28 09:12:45", // 2024 is a leap year
      modified: "2024-12-28T08:30:00+02:00",
      title: "2025 plan",
      count: 3,
    });
  });
});

describe("numberName", () => {
  const free = (...fields: string[]) => new Map(fields.map((f) => [f, { type: "string" }]));

  it("numbers the name, the title and the resource's own name field of a record", () => {
    const goal = { goal_name: "Grow ARR", title: "Q3", name: "North", project_name: "Website Redesign" };
    numberName(goal, "goal", 7, free("goal_name", "title", "name", "project_name"));
    // `project_name` names another record (the goal's project): it stays as that record is called.
    expect(goal).toEqual({
      goal_name: "Grow ARR 7",
      title: "Q3 7",
      name: "North 7",
      project_name: "Website Redesign",
    });
    const metric = { tagged_metric_name: "New ARR" };
    numberName(metric, "taggedMetric", 2, free("tagged_metric_name"));
    expect(metric.tagged_metric_name).toBe("New ARR 2");
  });

  it("keeps a name held to a set of values, a pattern or a format, and fits the number in maxLength", () => {
    const schemas = new Map<string, unknown>([
      ["name", { type: "string", enum: ["Open", "Won"] }],
      ["title", { type: "string", maxLength: 12 }],
      ["stage_name", { type: "string", pattern: "^[a-z]+$" }],
      ["stage_title", { type: "string", format: "email" }],
    ]);
    const stage = { name: "Open", title: "Qualified Lead", stage_name: "lead", stage_title: "a@b.example" };
    numberName(stage, "stage", 12, schemas);
    expect(stage).toEqual({
      name: "Open",
      title: "Qualified 12",
      stage_name: "lead",
      stage_title: "a@b.example",
    });
    expect(stage.title.length).toBeLessThanOrEqual(12);
  });

  it("numbers a lowercase name without spaces (a tag, slug or handle) without a space", () => {
    const names = ["customerobsession", "release-freeze", "q3_goals", "Marketing"].map((name) => {
      const record = { name };
      numberName(record, "hashtag", 4, free("name"));
      return record.name;
    });
    expect(names).toEqual(["customerobsession4", "release-freeze-4", "q3_goals_4", "Marketing 4"]);
  });

  it("leaves a field that has no schema or is no string", () => {
    const record = { name: 42, title: "Plan" };
    numberName(record, "plan", 3, free("name"));
    expect(record).toEqual({ name: 42, title: "Plan" });
  });
});
