namespace ModScope.Synthetic;

/// <summary>
/// The day loop. Items are created day by day (starting <see cref="DecisionFactory.MaxTurnaroundDays"/>
/// days early so human work already in flight lands on the first days) and parked until the UTC day they
/// are decided; each day's decisions file holds what was decided that day. Writing a day also draws its
/// QA sample and appeals, which are parked until the day they happen, and records the planted opportunities' sizes. Only a few days are ever held.
/// </summary>
internal sealed class GenerationRun
{
    private readonly GeneratorOptions _options;
    private readonly SimCalendar _calendar;
    private readonly IncidentPlan _plan;
    private readonly OpportunityLedger _ledger;
    private readonly CreationDaySimulator _creation;
    private readonly StaffingPlanner _staffing;
    private readonly AuditSampler _audits;
    private readonly AppealSimulator _appeals;
    private readonly DayFileWriter _files;
    private readonly DayBuckets<SimDecision> _decidedByDay = new();
    private readonly DayBuckets<AuditRow> _auditsByDay = new();
    private readonly DayBuckets<AppealRow> _appealsByDay = new();

    public GenerationRun(GeneratorOptions options, SimulationProfile profile)
    {
        _options = options;
        _calendar = new SimCalendar(options.FirstDay, options.Days);
        var expected = new ProfileExpectations(profile);
        _plan = IncidentPlanner.Plan(options, profile, expected, _calendar);
        var opportunities = OpportunityPlanner.Plan(options, profile, expected, _plan);
        _ledger = new OpportunityLedger(opportunities, _calendar);
        var volume = new VolumeModel(options.DecisionsPerDay, _calendar, _plan);
        _creation = new CreationDaySimulator(options.Seed, profile, volume, new DecisionFactory(profile, _plan, opportunities, _calendar), _calendar);
        _staffing = new StaffingPlanner(options.Seed, options.DecisionsPerDay, profile, expected, _calendar, opportunities);
        _audits = new AuditSampler(options.Seed, _calendar, opportunities);
        _appeals = new AppealSimulator(options.Seed, _calendar);
        _files = new DayFileWriter(options.OutputDirectory, TableWriters.For(options.Format));
    }

    public async Task<GenerationSummary> RunAsync(IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.OutputDirectory);
        var first = -DecisionFactory.MaxTurnaroundDays;
        var next = Task.Run(() => _creation.Create(first), cancellationToken);
        for (var day = first; day < _calendar.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var created = await next.ConfigureAwait(false);
            var following = day + 1;
            next = following < _calendar.Days ? Task.Run(() => _creation.Create(following), cancellationToken) : Task.FromResult<IReadOnlyList<SimDecision>>([]);
            foreach (var decision in created)
            {
                var decidedDay = _calendar.DayOf(decision.DecidedAt);
                if (decidedDay >= 0 && decidedDay < _calendar.Days)
                {
                    _decidedByDay.Add(decidedDay, decision);
                }
            }

            if (day >= 0)
            {
                await WriteDayAsync(day, cancellationToken).ConfigureAwait(false);
                progress?.Report(new GenerationProgress(day + 1, _calendar.Days));
            }
        }

        var incidents = IncidentCatalog.Describe(_plan, _calendar, _files.Extension);
        var incidentsPath = Path.Combine(_options.OutputDirectory, GroundTruthJsonWriter.IncidentsFile);
        await GroundTruthJsonWriter.WriteAsync(incidentsPath, incidents, cancellationToken).ConfigureAwait(false);
        _files.AddFile(incidentsPath);
        var opportunities = _ledger.Describe();
        var opportunitiesPath = Path.Combine(_options.OutputDirectory, GroundTruthJsonWriter.OpportunitiesFile);
        await GroundTruthJsonWriter.WriteAsync(opportunitiesPath, opportunities, cancellationToken).ConfigureAwait(false);
        _files.AddFile(opportunitiesPath);
        return new GenerationSummary(_files.Files.ToArray(), new Dictionary<string, long>(_files.RowsPerTable, StringComparer.Ordinal), incidents)
        {
            Opportunities = opportunities,
        };
    }

    private async Task WriteDayAsync(int day, CancellationToken cancellationToken)
    {
        var date = _calendar.DateOf(day);
        var decisions = DecisionOrder.Sort(_decidedByDay.Take(day).Where(d => d.Site is null || !_plan.IsSiteMissing(d.Site, day)));
        var humanBySite = decisions.Where(d => d.Site is not null).GroupBy(d => d.Site!.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.HandlingSeconds) / 3600.0, StringComparer.Ordinal);
        var roster = _staffing.Plan(day, humanBySite);
        ModeratorAssigner.Assign(SeedMixer.Random(_options.Seed, SeedMixer.Stream.Assign, day), decisions, roster);

        await _files.WriteAsync(RowMaps.DecisionBatch(decisions), date, cancellationToken).ConfigureAwait(false);
        if (_plan.IsRedelivery(day))
        {
            var shuffled = decisions.ToArray();
            SeedMixer.Random(_options.Seed, SeedMixer.Stream.Redelivery, day).ShuffleInPlace(shuffled);
            await _files.WriteAsync(RowMaps.DecisionBatch(shuffled), date, cancellationToken, "-redelivery").ConfigureAwait(false);
        }

        _audits.Sample(day, decisions, _auditsByDay);
        _appeals.Simulate(day, decisions, _appealsByDay);
        var audits = _auditsByDay.Take(day).OrderBy(a => a.AuditedAt).ThenBy(a => a.AuditId, StringComparer.Ordinal).ToArray();
        var appeals = _appealsByDay.Take(day).OrderBy(a => a.FiledAt).ThenBy(a => a.AppealId, StringComparer.Ordinal).ToArray();
        await _files.WriteAsync(RowMaps.AuditBatch(audits), date, cancellationToken).ConfigureAwait(false);
        await _files.WriteAsync(RowMaps.AppealBatch(appeals), date, cancellationToken).ConfigureAwait(false);
        await _files.WriteAsync(RowMaps.StaffingBatch(roster), date, cancellationToken).ConfigureAwait(false);
        _ledger.Record(day, decisions, roster, audits);
    }
}
