using ModScope.Store;

namespace ModScope.Ingest;

/// <summary>
/// <c>modscope contract check</c>: runs exactly the validation of <see cref="Ingestor"/> on a producer's files without
/// a store of theirs: a new store in a scratch folder (seeded with the shipped reference data, plus any reference files
/// among the inputs), deleted afterwards. Reports what each file would load and every row it would quarantine. A code
/// that neither the shipped nor the given reference files hold is reported as <c>unknown_reference</c>: a store would
/// keep such a row waiting, but the producer checking a contract should hear of it now.
/// </summary>
public static class ContractCheck
{
    public static async Task<(IngestResult Result, IReadOnlyList<ContractFinding> Findings)> RunAsync(
        IReadOnlyList<string> paths, IngestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.Combine(Path.GetTempPath(), "modscope-contract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var store = ModScopeStore.Open(Path.Combine(folder, "check.duckdb"));
            var result = await new Ingestor(store).IngestAsync(paths, options with { WaitForReferences = false }, null, cancellationToken).ConfigureAwait(false);
            using var connection = store.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT f.path, q.line, q.field, q.rule, q.message FROM quarantine q JOIN files f USING (file_id)
                ORDER BY f.path, q.line NULLS FIRST
                """;
            var findings = new List<ContractFinding>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                findings.Add(new ContractFinding(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
            return (result, findings);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
