using DuckDB.NET.Data;

namespace ModScope.Common;

/// <summary>
/// DuckDB.NET runs commands synchronously, so a token cancels a running command through <see cref="DuckDBCommand.Cancel"/>;
/// the interrupt then surfaces as a <see cref="DuckDBException"/>, which this turns into <see cref="OperationCanceledException"/>.
/// Every DuckDB command that takes a token runs through here.
/// </summary>
public static class Interruptible
{
    public static T Run<T>(DuckDBCommand command, Func<DuckDBCommand, T> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(command.Cancel);
        try
        {
            return run(command);
        }
        catch (DuckDBException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The statement was interrupted.", ex, cancellationToken);
        }
    }
}
