using ModScope.Sources;

namespace ModScope.Tests.Sources;

/// <summary>A source mapping is checked as a whole: every problem with its file, line and field, near matches for typos.</summary>
public sealed class SourceMappingParserTests
{
    [Fact]
    public void Every_problem_of_a_bad_mapping_is_named_with_its_line_and_field()
    {
        const string text = """
            decisons:
              columns: {decision_id: ticket_ref}
            decisions:
              columns:
                decided_att: decision_time
              values:
                decided_by: {AUTO: automatic}
              timestamp:
                formats: ['%d/%m/%Y %H:%M']
              extra:
                seller_tier: text
                Model_Score: number
            queues:
              extra: {lane_owner: string}
            """;
        var ex = Assert.Throws<SourceMappingException>(() => SourceMappingParser.Parse(text, "bad.yaml"));

        var found = ex.Issues.Select(i => (i.Line, i.Field)).ToList();
        Assert.Equal([(1, "decisons"), (5, "decisions.columns.decided_att"), (7, "decisions.values.decided_by.AUTO"),
            (9, "decisions.timestamp.time_zone"), (11, "decisions.extra.seller_tier"), (12, "decisions.extra.Model_Score"), (14, "queues.extra")], found);
        Assert.All(ex.Issues, i => Assert.Equal("bad.yaml", i.File));
        Assert.Contains("did you mean 'decisions'", ex.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'decided_at'", ex.Issues[1].Message, StringComparison.Ordinal);
        Assert.Contains("expected one of: automated, human", ex.Issues[2].Message, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:11: decisions.extra.seller_tier: unknown type 'text'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_renames_translates_and_adds_columns_to_the_schema_its_files_carry()
    {
        var mapping = SourceMappingParser.Parse("""
            decisions:
              columns: {decided_at: decision_time}
              values: {decided_by: {AUTO: automated}}
              timestamp: {formats: ['%d/%m/%Y %H:%M'], time_zone: America/Sao_Paulo}
              extra: {model_score: number}
            """, "ok.yaml");
        var table = mapping.Apply(ModScope.Model.EventSchema.Decisions);

        Assert.Equal("decided_at", table.FromFile("decision_time")!.Name);
        Assert.Null(table.FromFile("decided_at"));
        Assert.Equal("automated", table.Find("decided_by")!.Source!.Values!["AUTO"]);
        Assert.Equal("America/Sao_Paulo", table.Find("created_at")!.Source!.TimeZone);
        Assert.Equal((ModScope.Model.ColumnKind.Number, true, false), (table.Find("model_score")!.Kind, table.Find("model_score")!.Extra, table.Find("model_score")!.Required));
        // The shipped schema is untouched.
        Assert.Null(ModScope.Model.EventSchema.Decisions.Find("model_score"));
    }
    [Fact]
    public void An_extra_column_marked_person_names_people_for_the_catalogue_and_the_schema()
    {
        var mapping = SourceMappingParser.Parse("""
            decisions:
              extra:
                second_reviewer: {type: string, person: true}
                model_score: number
            """, "people.yaml");
        var catalog = ModScope.Catalog.CatalogLoader.Parse(
            File.ReadAllText(ModScope.Tests.Support.RepoPaths.Combine("catalog", "core-index.yaml")).Replace("\ndimensions:\n",
                "\ndimensions:\n  - id: reviewer2\n    name: {en: Second reviewer, zh-Hans: 复核人}\n    column: second_reviewer\n    sources: [decisions]\n",
                StringComparison.Ordinal), "core-index.yaml", mapping);

        Assert.Equal(["auditor_id", "moderator_id", "second_reviewer"], mapping.PersonColumns.Order(StringComparer.Ordinal));
        Assert.True(mapping.Apply(ModScope.Model.EventSchema.Decisions).Find("second_reviewer")!.Person);
        Assert.False(mapping.Apply(ModScope.Model.EventSchema.Decisions).Find("model_score")!.Person);
        Assert.Equal(["moderator", "reviewer2"], catalog.PeopleDimensions.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("reviewer2", ModScope.Catalog.CatalogLoader.LoadDefault().PeopleDimensions);
    }

    [Fact]
    public void A_person_column_that_is_not_text_or_a_person_flag_that_is_not_a_boolean_is_named_with_its_line()
    {
        var ex = Assert.Throws<SourceMappingException>(() => SourceMappingParser.Parse("""
            decisions:
              extra:
                reviewer_score: {type: number, person: true}
                second_reviewer: {type: string, person: yes}
                third_reviewer: {type: string, persn: true}
            """, "people.yaml"));

        Assert.Equal([(3, "decisions.extra.reviewer_score.person"), (4, "decisions.extra.second_reviewer.person"), (5, "decisions.extra.third_reviewer.persn")],
            ex.Issues.Select(i => (i.Line, i.Field)).ToList());
        Assert.Contains("its type is string, not number", ex.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'person'", ex.Issues[2].Message, StringComparison.Ordinal);
    }
}
