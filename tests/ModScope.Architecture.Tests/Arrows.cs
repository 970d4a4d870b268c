using System.Reflection;
using NetArchTest.Rules;

namespace ModScope.Architecture.Tests;

/// <summary>
/// The checks behind the architecture tests, over compiled assemblies (NetArchTest reads every type's signatures and
/// method bodies with Mono.Cecil, so a fully qualified name in a method body counts as much as a using line).
/// Each returns one line per offending type, naming the rule and what the type depends on; empty when the arrows hold.
/// </summary>
internal static class Arrows
{
    /// <summary>
    /// Folders of <paramref name="prefix"/> in <paramref name="layers"/> order, lowest first: a folder may use the folders
    /// before it and never one after it, so no two folders can form a cycle.
    /// </summary>
    public static IReadOnlyList<string> LayerViolations(Assembly assembly, string prefix, IReadOnlyList<string> layers)
    {
        var problems = new List<string>();
        for (var i = 0; i < layers.Count - 1; i++)
        {
            var above = layers.Skip(i + 1).Select(l => $"{prefix}.{l}").ToArray();
            problems.AddRange(Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Exactly($"{prefix}.{layers[i]}"))
                .ShouldNot().HaveDependencyOnAny(above).GetResult(), $"{layers[i]} may not use a folder above it ({string.Join(", ", layers.Skip(i + 1))})"));
        }
        return problems;
    }

    /// <summary>The folders (first namespace part after <paramref name="prefix"/>) of the types of <paramref name="assembly"/> missing from <paramref name="layers"/>.</summary>
    public static IReadOnlyList<string> Unplaced(Assembly assembly, string prefix, IReadOnlyList<string> layers) =>
        [.. assembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith(prefix + ".", StringComparison.Ordinal))
            .Select(n => n[(prefix.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Where(folder => !layers.Contains(folder))
            .Order(StringComparer.Ordinal)];

    /// <summary>Types of <paramref name="assembly"/> under <paramref name="namespaceName"/> that depend on any of <paramref name="forbidden"/> (namespaces or types).</summary>
    public static IReadOnlyList<string> Forbidden(Assembly assembly, string namespaceName, string rule, params string[] forbidden) =>
        Failing(Types.InAssembly(assembly).That().ResideInNamespaceMatching(Exactly(namespaceName))
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), rule);

    /// <summary>Types anywhere in <paramref name="assembly"/> that depend on any of <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> ForbiddenInAssembly(Assembly assembly, string rule, params string[] forbidden) =>
        Failing(Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult(), rule);

    /// <summary>The namespace and its children, not a longer name that starts the same way.</summary>
    private static string Exactly(string namespaceName) => "^" + namespaceName.Replace(".", "\\.", StringComparison.Ordinal) + "(\\.|$)";

    private static List<string> Failing(TestResult result, string rule) =>
        result.IsSuccessful ? [] : [.. result.FailingTypes.Select(t => $"{rule}: {t.FullName} {t.Explanation}".TrimEnd())];
}
