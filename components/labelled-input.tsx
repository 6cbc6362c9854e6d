// A field whose control is an input that no form state wires: its box, its label (for the input's
// id) and the input; what follows the input (a hint, a suggestion list) is the children. The search
// and filter forms use it, and the sign-in form. Forms with a state use admin/form-fields.tsx.

export function LabelledInput({ label, children, ...input }: { id: string; label: React.ReactNode; children?: React.ReactNode } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={input.id}>{label}</label>
      <input {...input} />
      {children}
    </div>
  );
}
