import type { components as Betterworks } from "@workapis/betterworks";
import type { components as WorkBoard } from "@workapis/workboard";
import type { components as Workglue } from "@workapis/workglue";
import type { Seeds } from "../../harness/connect.ts";
import { replaceRecords } from "../../harness/replace-records.ts";

type Employee = Betterworks["schemas"]["User"];
type User = WorkBoard["schemas"]["User"];
type Staff = Workglue["schemas"]["Employee"];
/** A seeded employee: every field of the Betterworks type is optional, these are always set here. */
type Person = Employee & { id: number; name: string; email: string; first_name: string; last_name: string };

const person = (
  id: number,
  name: string,
  title: string,
  department: string | null,
  manager: NonNullable<Employee["manager"]> | null,
  is_active = true,
): Person => {
  const [first_name = "", last_name = ""] = name.split(" ");
  return {
    id,
    uuid: `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`,
    email: `${first_name}.${last_name}@kestrel.example`.toLowerCase(),
    first_name,
    last_name,
    name,
    employee_id: `E-${id}`,
    title,
    department: department ? { id: department === "Sales" ? 5101 : 5102, name: department } : null,
    manager,
    role: "user",
    location: "Denver",
    start_date: "2024-02-01",
    is_active,
    privacy_notice_accepted_at: null,
    created: "2024-02-01T09:00:00Z",
    modified: "2026-11-28T09:00:00Z",
  };
};

const ref = (e: Person) => ({ id: e.id, name: e.name, email: e.email });
const priya = person(7001, "Priya Raman", "VP Sales", "Sales", null);
const marcus = person(7002, "Marcus Lee", "Senior Account Executive", "Sales", ref(priya));
const dana = person(7003, "Dana Kim", "Project Manager", "Operations", ref(priya));
const omar = person(7004, "Omar Haddad", "Field Technician", "Operations", ref(dana));
const lena = person(7005, "Lena Vogel", "Recruiter", "People", ref(priya), false);

/** Betterworks: four active employees (Omar is not in WorkBoard yet) and one who left. */
export const employees: Employee[] = [priya, marcus, dana, omar, lena];

const user = (user_id: string, e: Person, changes: Partial<User>): User => ({
  user_id,
  email: e.email,
  first_name: e.first_name,
  last_name: e.last_name,
  manager: false,
  ...changes,
});

/** WorkBoard: Priya's title and Marcus's title, department and manager are stale; Dana is in sync. */
export const workBoardUsers: User[] = [
  user("400001", priya, { profile: { title: "Sales Director" } }),
  user("400002", marcus, { profile: { title: "Account Executive" } }),
  user("400003", dana, {
    manager: [{ user_id: "400001", email: priya.email, first_name: "Priya", last_name: "Raman", role: "1" }],
    profile: {
      title: "Project Manager",
      custom_attributes: [{ id: "77", name: "Department", value: "Operations" }],
    },
  }),
];

const staff = (id: number, e: Person, positions: NonNullable<Staff["positions"]>): Staff => ({
  id,
  type: "user",
  first_name: e.first_name,
  last_name: e.last_name,
  company_name: null,
  email: e.email,
  mobile_phone: null,
  positions,
  system_role: "user",
  active: true,
  hourly_rate: null,
  cost_rate: null,
  overtime_rate: null,
  availability: ["monday", "tuesday", "wednesday", "thursday", "friday"],
  can_see_restricted_docs: false,
  created_at: "2024-02-01T09:00:00Z",
  updated_at: "2026-11-28T09:00:00Z",
});

/** Workglue: Omar's position is out of date; Marcus is not a Workglue user. */
export const workglueStaff: Staff[] = [
  staff(901, priya, ["sales_person"]),
  staff(902, dana, ["project_manager"]),
  staff(903, omar, ["crew_leader"]),
];

export const hrToProfilesSeeds: Seeds<"betterworks" | "workboard" | "workglue"> = {
  betterworks: (mock) => replaceRecords(mock.store, "user", employees),
  workboard: (mock) => replaceRecords(mock.store, "user", workBoardUsers),
  workglue: (mock) => replaceRecords(mock.store, "employee", workglueStaff),
};
