using System.CommandLine;
using System.Globalization;
using ModScope.Catalog;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope metrics [--lang zh-Hans]</c>: the catalogue's metrics.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext context)
    {
        var language = CommonOptions.Language();
        var catalog = CatalogOption.Create();
        var command = new Command("metrics", "List the core-index metrics of the catalogue.") { language, catalog };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            var loaded = CatalogOption.Load(parsed.GetValue(catalog));
            var lang = parsed.GetValue(language)!;
            var zh = lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            var table = new Table().Title(zh ? "核心指标" : "Core index")
                .AddColumns("id", zh ? "名称" : "name", zh ? "单位" : "unit", zh ? "抽样" : "sampled", zh ? "目标" : "target", zh ? "说明" : "description");
            foreach (var m in loaded.Metrics)
            {
                table.AddRow(m.Id, Markup.Escape(m.Name.In(lang)), Markup.Escape(ValueFormatter.For(lang).UnitName(m.Unit)), m.Sampled ? "✓" : "",
                    m.Target?.ToString("0.###", CultureInfo.InvariantCulture) ?? "", Markup.Escape(m.Description.In(lang)));
            }
            context.Out.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
