import { useId, useState, type FormEvent } from 'react';
import './sign-in-screen.css';
import { signInProblem } from './sign-in-problem.ts';
import { useSession } from './use-session.ts';

/** Asks for the email address and password; says why it is showing again (session ended, signed out). */
export function SignInScreen() {
  const { notice, signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() === '' || password === '') {
      setProblem('Enter your email address and password.');
      return;
    }
    setChecking(true);
    setProblem(null);
    try {
      await signIn(email.trim(), password);
    } catch (failure) {
      setProblem(signInProblem(failure));
      setPassword('');
      setChecking(false);
    }
  };

  return (
    <div className="sign-in ui">
      <form
        className="sign-in-card"
        onSubmit={(event) => void submit(event)}
        aria-labelledby={`${id}-title`}
        noValidate
      >
        <h2 id={`${id}-title`}>Sign in to Casework</h2>
        {notice !== null && (
          <p className="sign-in-notice" role="status">
            {notice}
          </p>
        )}
        <label htmlFor={`${id}-email`}>Email address</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-help`}
          autoFocus
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={problem !== null}
        />
        <p id={`${id}-help`} className="sign-in-help">
          The first time, sign in as the admin <code>npm start</code> printed (the <strong>Sign in</strong> line under
          “Casework is running.”); an admin adds everyone else on the Access page. Scripts use API keys instead.
        </p>
        {problem !== null && (
          <p className="sign-in-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={checking}>
          {checking ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
