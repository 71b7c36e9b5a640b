export { LoginForm } from "./components/login-form";
export { RegisterForm } from "./components/register-form";
export { RequireAuth, GuestOnly } from "./components/require-auth";
export { UserMenu } from "./components/user-menu";
export { AuthCard } from "./components/auth-card";
export { useSession, useSessionBootstrap } from "./hooks/use-session";
export { safeNext, loginPath, otherAuthPath } from "./lib/redirect";
