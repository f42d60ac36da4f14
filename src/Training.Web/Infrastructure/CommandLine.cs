using System.Text;
using Training.Web.Infrastructure.Modules;

namespace Training.Web.Infrastructure;

/// <summary>
/// The same program takes verbs instead of serving. Verbs use the site's configuration
/// (appsettings, environment variables such as ConnectionStrings__Training) and never load
/// demo data unless asked. <c>migrate</c> and <c>help</c> are the host's own; every other verb
/// is declared by the module that owns it.
/// </summary>
public static class CommandLine
{
    private static readonly string[] HostVerbs = ["migrate", "help"];

    public static bool IsVerb(string[] args, IEnumerable<TrainingModule> modules) =>
        args.Length > 0 && (HostVerbs.Contains(args[0]) || modules.SelectMany(m => m.Verbs).Any(v => v.Name == args[0]));

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var services = app.Services;
        var verbs = services.GetRequiredService<ModuleCatalog>().Modules.SelectMany(m => m.Verbs).ToList();
        try
        {
            if (args[0] == "migrate")
            {
                await DatabaseSetup.MigrateAsync(services, asOwner: true);
                Console.WriteLine("数据库已迁移到最新版本。");
                return 0;
            }
            if (verbs.FirstOrDefault(v => v.Name == args[0]) is { } verb) return await verb.Run(services, args[1..]);
            Console.WriteLine(Usage(verbs));
            return 0;
        }
        catch (CommandLineException ex)
        {
            return Fail(ex.Message);
        }
        catch (Exception ex)
        {
            return Fail($"{args[0]} 失败：{ex.Message}");
        }
    }

    /// <summary>The value after <paramref name="name"/> (e.g. <c>--scale city</c>), or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Writes <paramref name="message"/> to stderr and returns the failing exit code.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    private static string Usage(IEnumerable<Verb> verbs)
    {
        var text = new StringBuilder("用法：Training.Web [命令]\n");
        text.AppendLine("  （无命令）  启动门户网站");
        text.AppendLine("  migrate     把数据库迁移到最新版本（用 ConnectionStrings:Migrations 的账号，并授予应用账号所需权限）");
        foreach (var verb in verbs) text.AppendLine("  " + verb.Usage);
        return text.ToString();
    }
}

/// <summary>A verb's own refusal, printed as is.</summary>
public sealed class CommandLineException(string message) : Exception(message);
