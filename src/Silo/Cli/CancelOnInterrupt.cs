using System.Runtime.InteropServices;

namespace WardTwin.Silo.Cli;

/// <summary>
/// Ctrl+C (SIGINT) or SIGTERM cancel the verb's work through a token instead of killing the process, so the verb
/// stops its jobs, says so in one line and stops its silo in order. A second Ctrl+C ends the process at once.
/// </summary>
internal sealed class CancelOnInterrupt : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _term;

    public CancelOnInterrupt()
    {
        Console.CancelKeyPress += OnCancelKey;
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            _cancel.Cancel();
        });
    }

    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKey;
        _term.Dispose();
        _cancel.Dispose();
    }

    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = !_cancel.IsCancellationRequested;
        _cancel.Cancel();
    }
}
