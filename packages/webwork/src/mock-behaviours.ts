import type { MockBehaviours, MockRecord, MockStore } from "@workapis/mock";
import type { components, operations } from "./generated/schema.ts";

type TimeEntry = components["schemas"]["TimeEntry"];

/*
 * WebWork's `POST /time-entries` takes `HH:mm` times on a date and answers with the saved minutes and
 * the saved time (as date-times, without an id), while `GET /time-entries` lists entries with ids,
 * a tracking method and a duration: a create the x-mock actions cannot express, so this answers it
 * from the store (the spec marks it `x-mock.action: custom`).
 */

const minutesOf = (clock: string): number => {
  const [h = "0", m = "0"] = clock.split(":");
  return Number(h) * 60 + Number(m);
};

const hoursText = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} hr` : "", m > 0 ? `${m} min` : ""].filter(Boolean).join(" ") || "0 min";
};

function named(store: MockStore, resource: string, id: number | null | undefined): MockRecord | undefined {
  return id === null || id === undefined ? undefined : store.get(resource, id);
}

export const behaviours: MockBehaviours<operations, "createTimeEntry"> = {
  createTimeEntry: ({ body, store, error }) => {
    if (!body) return error(422, { details: { date: ["The date field is required."] } });
    const duration = minutesOf(body.end_time) - minutesOf(body.start_time);
    if (duration <= 0) {
      return error(422, { details: { end_time: ["The end time must be a time after start time."] } });
    }
    const contract = named(store, "contract", body.contract_id);
    if (body.contract_id != null && !contract) {
      return error(422, { details: { contract_id: ["The selected contract id is invalid."] } });
    }
    const task = named(store, "task", body.task_id);
    if (body.task_id != null && !task) {
      return error(422, { details: { task_id: ["The selected task id is invalid."] } });
    }
    const member = named(store, "member", body.user_id);
    const entry: TimeEntry = {
      id: crypto.randomUUID(),
      user_id: body.user_id,
      contract_id: body.contract_id ?? null,
      project_id: contract ? Number(contract["project_id"]) : null,
      project_name: contract ? String(contract["project_name"]) : null,
      task_id: body.task_id ?? null,
      task_title: task ? String(task["title"]) : null,
      activity_description: body.notes ?? null,
      method: "Manually added time",
      date: body.date,
      start_time: `${body.date}T${body.start_time}:00Z`,
      end_time: `${body.date}T${body.end_time}:00Z`,
      duration_minutes: duration,
    };
    store.insert("timeEntry", { ...entry });
    // The answer describes the saved time without the id that the list shows.
    const { id: _id, ...saved } = entry;
    const who = member
      ? `${String(member["firstname"])} ${String(member["lastname"])}`
      : `user ${body.user_id}`;
    return {
      success: true,
      message: `${hoursText(duration)} successfully added for ${who}.`,
      saved_minutes: duration,
      data: saved,
      meta: { api_version: "2.0.0", timestamp: new Date().toISOString() },
    };
  },
};
