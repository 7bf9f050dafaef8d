import { Component, type ErrorInfo, type ReactNode } from 'react';

/** A fault in a view shows a calm message with a way back instead of an empty page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('review dashboard:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="boot" role="alert">
        <p>Er ging iets mis bij het tonen van deze pagina.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Pagina opnieuw laden
        </button>
      </div>
    );
  }
}
