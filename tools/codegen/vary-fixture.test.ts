import { describe, expect, it } from "vitest";
import { distinctPerson, personName, shiftDates } from "./vary-fixture.ts";

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
    distinctPerson(project, 2, new Set());
    expect(project.name).toBe("Website Redesign");
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
