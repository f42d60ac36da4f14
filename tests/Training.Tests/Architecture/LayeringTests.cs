using System.Reflection;
using System.Text.RegularExpressions;
using Training.Core.Domain;
using Training.Web.Infrastructure.Modules;

namespace Training.Tests.Architecture;

/// <summary>
/// The shape the code keeps (HOUSE-STYLE.md): the domain knows nothing of EF Core or ASP.NET,
/// Infrastructure names no module, and every module folder has its module class. Checked on the
/// compiled types (signatures, base types, attributes) and on the source (usings and qualified names
/// inside method bodies, which reflection cannot see).
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void The_domain_references_no_EF_Core_or_ASP_NET_type()
    {
        var domainTypes = typeof(DomainException).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DomainException).Namespace).ToList();
        Assert.NotEmpty(domainTypes);
        var offenders = domainTypes
            .SelectMany(t => ReferencedTypes(t).Where(IsFramework).Select(r => $"{t.Name} → {r.FullName}"))
            .Distinct().ToList();
        offenders.AddRange(SourceLines("src/Training.Core/Domain", FrameworkName()));

        Assert.True(offenders.Count == 0, "领域模型引用了 EF Core 或 ASP.NET：\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Infrastructure_names_no_module()
    {
        var infrastructure = typeof(TrainingModule).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Training.Web.Infrastructure", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(infrastructure);
        var offenders = infrastructure
            .SelectMany(t => ReferencedTypes(t)
                .Where(r => r.Namespace?.StartsWith("Training.Web.Features", StringComparison.Ordinal) == true)
                .Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct().ToList();
        offenders.AddRange(SourceLines("src/Training.Web/Infrastructure", FeaturesName()));

        Assert.True(offenders.Count == 0, "Infrastructure 引用了功能模块：\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_module_folder_has_its_module_class_listed_in_Program()
    {
        var listed = PortalModules.All().Select(m => m.Folder).ToHashSet();
        var folders = Directory.GetDirectories(Path.Combine(Root, "src/Training.Web/Features"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f != "Shared")
            .ToList();

        Assert.Empty(folders.Except(listed));
        Assert.Empty(listed.Except(folders));
        foreach (var module in PortalModules.All())
            Assert.True(File.Exists(Path.Combine(Root, "src/Training.Web/Features", module.Folder, module.GetType().Name + ".cs")),
                $"{module.GetType().Name} 应在 Features/{module.Folder}/{module.GetType().Name}.cs");
    }

    /// <summary>Types a type's shape mentions: base type, interfaces, fields, properties, method and constructor signatures, attributes.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } b) found.Add(b);
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi) found.Add(mi.ReturnType);
            found.AddRange(m.GetParameters().Select(p => p.ParameterType));
            found.AddRange(m.GetCustomAttributesData().Select(a => a.AttributeType));
        }
        return found.SelectMany(Expand).Distinct();
    }

    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType && t.GetElementType() is { } e) return Expand(e);
        if (t.IsGenericType) return new[] { t.GetGenericTypeDefinition() }.Concat(t.GetGenericArguments().SelectMany(Expand));
        return [t];
    }

    private static bool IsFramework(Type t) =>
        t.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true
        || t.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;

    private static IEnumerable<string> SourceLines(string folder, Regex pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.file)}:{x.i + 1}: {x.line.Trim()}");

    [GeneratedRegex(@"\bMicrosoft\.(EntityFrameworkCore|AspNetCore)\b")]
    private static partial Regex FrameworkName();

    [GeneratedRegex(@"\bTraining\.Web\.Features\b|\bFeatures\.[A-Z]\w*\.")]
    private static partial Regex FeaturesName();

    internal static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Training.sln")))
            dir = Path.GetDirectoryName(dir.TrimEnd('/')) ?? throw new InvalidOperationException("Training.sln not found above the test output.");
        return dir;
    }
}
