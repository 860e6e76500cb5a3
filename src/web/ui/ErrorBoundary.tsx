import { Component, type ReactNode } from 'react';

/** Keeps the header and navigation when a page fails to render, with a way back. */
export class ErrorBoundary extends Component<{ message: string; retry: string; resetKey: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() { return { failed: true }; }
  override componentDidUpdate(prev: { resetKey: string }) { if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false }); }
  override render() {
    if (!this.state.failed) return this.props.children;
    return <div className="alert error" role="alert"><p>{this.props.message}</p><p><a href={window.location.pathname}>{this.props.retry}</a></p></div>;
  }
}
