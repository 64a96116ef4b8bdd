import { useId, useState, type FormEvent } from 'react';
import './sign-in-screen.css';
import { useSession } from './use-session.ts';
import { verifyApiKey } from './verify-api-key.ts';

/** Asks for the API key (checked against the API before it is kept), and says where to find it. */
export function SignInScreen() {
  const { baseUrl, notice, signIn } = useSession();
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const inputId = useId();
  const helpId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === '') {
      setProblem('Paste the API key first.');
      return;
    }
    setChecking(true);
    setProblem(null);
    const refusal = await verifyApiKey(baseUrl, key.trim());
    setChecking(false);
    if (refusal === null) signIn(key);
    else setProblem(refusal);
  };

  return (
    <div className="sign-in ui">
      <form className="sign-in-card" onSubmit={(event) => void submit(event)} aria-labelledby={`${inputId}-title`}>
        <h2 id={`${inputId}-title`}>Sign in to Casework</h2>
        {notice !== null && (
          <p className="sign-in-notice" role="status">
            {notice}
          </p>
        )}
        <label htmlFor={inputId}>API key</label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="cw_local_…"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          aria-describedby={helpId}
          aria-invalid={problem !== null}
          autoFocus
        />
        <p id={helpId} className="sign-in-help">
          <code>npm start</code> prints the key when the stack comes up (the <strong>API key</strong> line under
          “Casework is running.”). It is also saved in <code>.data/api-key</code> in the repository, or in{' '}
          <code>$CASEWORK_DATA_DIR/api-key</code> when that is set. The key stays in this browser until you sign out.
        </p>
        {problem !== null && (
          <p className="sign-in-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
