using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Monitor.Calendar;

/// <summary>
/// Known peaks and holidays per market (<c>catalog/events.yaml</c>), so a surge on 11.11 in Indonesia reads as
/// expected rather than as an incident. An event is active on the days of its effect window (its dates widened by
/// the effect's lead and lag days) in the markets it names, directly or through their region. Immutable.
/// </summary>
public sealed class EventCalendar
{
    /// <summary>The shipped calendar's resource and file name.</summary>
    public const string DefaultFile = "catalog/events.yaml";

    private readonly IReadOnlyList<(CalendarEvent Event, IReadOnlySet<string> Markets)> _resolved;
    private readonly MarketScope _scope;

    // ActiveOn's answers, kept: the monitor asks it for every series × day × market share (5,256 series over ~90 days at
    // 50M decisions: about 2 s of a newest-day run before), and a calendar never changes (WithAdded makes a new one).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateOnly Day, string Market), IReadOnlyList<CalendarEvent>> _active = new();

    // The key of "any market" (a market code is never empty).
    private const string AnyMarket = "";

    private EventCalendar(string source, IReadOnlyList<CalendarEvent> events, MarketScope scope)
    {
        Source = source;
        Events = events;
        _scope = scope;
        _resolved = events.Select(e => (e, scope.Resolve(e.Markets))).ToList();
    }

    /// <summary>A calendar without events (nothing is expected).</summary>
    public static EventCalendar Empty { get; } = new("(empty)", [], new MarketScope([]));

    /// <summary>Where the events came from (a file name), for messages.</summary>
    public string Source { get; }

    /// <summary>Every event, in file order.</summary>
    public IReadOnlyList<CalendarEvent> Events { get; }

    /// <summary>The calendar shipped with ModScope (<c>catalog/events.yaml</c>, embedded in the library), its markets and
    /// regions checked against <paramref name="markets"/> (a store's reference data).</summary>
    /// <exception cref="CatalogException">The shipped file is missing or broken.</exception>
    public static EventCalendar LoadDefault(IReadOnlyList<Market> markets)
    {
        return Parse(markets, CatalogFiles.Shipped(DefaultFile, "calendar"), DefaultFile);
    }

    /// <summary>
    /// The calendar the monitor judges with and the dashboard shows: <c>./catalog/events.yaml</c> (<see cref="DefaultFile"/>
    /// under the working folder) when present, else the shipped one.
    /// </summary>
    /// <exception cref="CatalogException">The file cannot be read, or has problems (all of them are listed).</exception>
    public static EventCalendar LoadLocalOrDefault(IReadOnlyList<Market> markets) => File.Exists(DefaultFile) ? Load(markets, DefaultFile) : LoadDefault(markets);

    /// <summary>Loads and checks the calendar at <paramref name="path"/>.</summary>
    /// <exception cref="CatalogException">The file cannot be read, or has problems (all of them are listed).</exception>
    public static EventCalendar Load(IReadOnlyList<Market> markets, string path) => Parse(markets, CatalogFiles.Read(path), path);

    /// <summary>
    /// Parses and checks calendar text; <paramref name="file"/> names it in messages. The markets and regions an event names
    /// must be among <paramref name="markets"/> (a store's reference data).
    /// </summary>
    /// <exception cref="CatalogException">Every problem found, each with file, line and field.</exception>
    public static EventCalendar Parse(IReadOnlyList<Market> markets, string text, string file)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(text);
        var scope = new MarketScope(markets);
        return new EventCalendar(file, CalendarParser.Parse(text, file, scope), scope);
    }

    /// <summary>The events active on <paramref name="day"/> in <paramref name="market"/> (a market code; null for any market).</summary>
    /// <exception cref="ArgumentException"><paramref name="market"/> is not a market code of reference/markets.csv.</exception>
    public IReadOnlyList<CalendarEvent> ActiveOn(DateOnly day, string? market)
    {
        if (_resolved.Count == 0)
        {
            return []; // no calendar (Empty): nothing is expected anywhere
        }
        if (market is not null && !_scope.IsMarket(market))
        {
            throw new ArgumentException(
                $"Unknown market '{market}'{NearMatch.Suggest(market, _scope.Names)}; expected a market code of the store's reference data.",
                nameof(market));
        }
        return _active.GetOrAdd((day, market ?? AnyMarket),
            key => _resolved.Where(r => r.Event.Covers(key.Day) && (key.Market.Length == 0 || r.Markets.Contains(key.Market))).Select(r => r.Event).ToArray());
    }

    /// <summary>The market codes <paramref name="calendarEvent"/> covers, its regions resolved to their markets.</summary>
    public IReadOnlySet<string> MarketsOf(CalendarEvent calendarEvent) => _scope.Resolve(calendarEvent.Markets);

    /// <summary>True when at least one event is active on <paramref name="day"/> in <paramref name="market"/> (null for any).</summary>
    public bool IsActive(DateOnly day, string? market) => ActiveOn(day, market).Count > 0;

    /// <summary>The event with <paramref name="id"/>, or null.</summary>
    public CalendarEvent? Find(string id) => Events.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>A new calendar with <paramref name="calendarEvent"/> added after the others; this one is unchanged.</summary>
    /// <exception cref="CatalogException">The event breaks a rule (unknown market, end before start, missing name, id taken).</exception>
    public EventCalendar WithAdded(CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        var issues = new List<CatalogIssue>();
        var field = $"events.{calendarEvent.Id}";
        CalendarRules.Check(calendarEvent, _scope, (sub, message) => issues.Add(new CatalogIssue(Source, 0, $"{field}.{sub}", message)));
        if (calendarEvent.Id.Length == 0)
        {
            issues.Add(new CatalogIssue(Source, 0, $"{field}.id", "is required"));
        }
        if (Find(calendarEvent.Id) is not null)
        {
            issues.Add(new CatalogIssue(Source, 0, field, $"duplicate event id '{calendarEvent.Id}': the calendar already has it"));
        }
        if (issues.Count > 0)
        {
            throw new CatalogException(issues);
        }
        return new EventCalendar(Source, [.. Events, calendarEvent], _scope);
    }

    /// <summary>Writes the whole calendar to <paramref name="path"/> (without the comments of the file it came from).</summary>
    public void Save(string path) => Write(path, CalendarWriter.Document(Events));

    /// <summary>
    /// Appends <paramref name="calendarEvent"/> to the events file at <paramref name="path"/> (created if missing),
    /// keeping the file's comments and layout, and returns the calendar the file now holds. Nothing is written when
    /// the file or the event has a problem.
    /// </summary>
    /// <exception cref="CatalogException">The file has problems, the event breaks a rule, or the file's layout cannot be appended to.</exception>
    public static EventCalendar Append(IReadOnlyList<Market> markets, string path, CalendarEvent calendarEvent)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (!File.Exists(path))
        {
            var created = new EventCalendar(path, [], new MarketScope(markets)).WithAdded(calendarEvent);
            created.Save(path);
            return created;
        }
        var existing = CatalogFiles.Read(path);
        Parse(markets, existing, path).WithAdded(calendarEvent);
        var text = CalendarWriter.Appended(existing, path, calendarEvent);
        var appended = Parse(markets, text, path);
        Write(path, text);
        return appended;
    }

    /// <summary>Writes through a temporary file beside the target, so a failed write leaves the old file whole.</summary>
    private static void Write(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
