import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Checkbox, CheckboxGroup, TextField, ValidatedForm, valueOf, valuesOf } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { getCourses, saveCourse } from "~/modules/compliance/compliance.server";
import { courseSchema } from "~/modules/compliance/validation";
import { ROLE_OPTIONS } from "~/modules/people/constants";
import { formFailure, formValues, parseForm } from "~/utils/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.course ? `Edit ${data.course.name}` : "Add a course" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  if (params.courseId === "new") return { course: null };
  const course = (await getCourses(user.centreId)).find((c) => c.id === params.courseId);
  invariantResponse(course, "We could not find that course.");
  return { course };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  const formData = await request.formData();
  const parsed = parseForm(courseSchema, formData);
  if (!parsed.ok) return parsed;
  const errors = await saveCourse(actorOf(user), params.courseId === "new" ? null : params.courseId!, parsed.data);
  if (Object.keys(errors).length) return formFailure(errors, formValues(formData));
  return redirect("/settings?saved=1");
}


export default function CourseForm() {
  const { course } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values;
  return (
    <>
      <p><Link to="/settings">Back to settings</Link></p>
      <h1>{course ? `Edit ${course.name}` : "Add a course"}</h1>
      <ValidatedForm id="course" schema={courseSchema} failure={actionData} labels={{ name: "Course name", validityMonths: "Valid for", requiredFor: "Required for" }}>
        <TextField name="name" label="Course name" defaultValue={valueOf(values, "name", course?.name)} />
        <TextField
          name="validityMonths"
          label="Valid for (months)"
          hint="For example 12 for an annual refresher or 36 for three years. Leave blank if it never expires."
          inputMode="numeric"
          width="short"
          defaultValue={valueOf(values, "validityMonths", course?.validityMonths?.toString() ?? "")}
        />
        <CheckboxGroup name="requiredFor" label="Required for" hint="People holding any of these roles must have it in date" options={ROLE_OPTIONS} checked={valuesOf(values, "requiredFor", course?.requiredFor ?? [])} />
        <Checkbox name="retired" label="Retired: no longer required (records are kept)" defaultChecked={values ? values.retired === "on" : course?.retired} />
        <button type="submit">Save course</button>
      </ValidatedForm>
    </>
  );
}
