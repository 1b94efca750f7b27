// The word of confirmation after an action (admitted, graduated, approved).
export function Flash({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-success" role="status" data-testid="flash">
      {message}
    </div>
  );
}
