using Training.Web.Features.Accounts;
using Training.Web.Features.Demo;
using Training.Web.Features.Import;
using Training.Web.Features.Statistics.Export;

namespace Training.Web.Infrastructure;

/// <summary>
/// The same program takes verbs instead of serving. Verbs use the site's configuration
/// (appsettings, environment variables such as ConnectionStrings__Training) and never load
/// demo data unless asked.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-admin", "export-stats", "import", "help"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var services = app.Services;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await DatabaseSetup.MigrateAsync(services);
                    Console.WriteLine("数据库已迁移到最新版本。");
                    return 0;
                case "seed-demo":
                    var scale = DemoScaleParser.Parse(Option(args, "--scale") ?? "city");
                    await DatabaseSetup.MigrateAsync(services);
                    await using (var scope = services.CreateAsyncScope())
                    {
                        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(scale);
                        Console.WriteLine(result.Summary);
                    }
                    return 0;
                case "create-admin":
                    var user = Option(args, "--user");
                    var password = Option(args, "--password");
                    if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
                        return Fail("用法：create-admin --user 用户名 --password 密码");
                    await DatabaseSetup.MigrateAsync(services);
                    await using (var scope = services.CreateAsyncScope())
                    {
                        var error = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateCityAdminAsync(user, password);
                        if (error is not null) return Fail(error);
                    }
                    Console.WriteLine($"已创建市级管理员账号 {user}。");
                    return 0;
                case "export-stats":
                    return await ExportStatsVerb.RunAsync(services, args[1..]);
                case "import":
                    return await ImportVerb.RunAsync(services, args[1..]);
                default:
                    Console.WriteLine("""
                        用法：Training.Web [命令]
                          （无命令）                              启动门户网站
                          migrate                                 把数据库迁移到最新版本
                          seed-demo [--scale city|province|nation] 载入演示数据（仅空库）
                          create-admin --user 用户名 --password 密码  创建市级管理员（生产环境首个账号）
                          export-stats [--scope 代码] [--as-of yyyy-MM-dd] [--out 文件] [--masked]
                                                                  导出统计报表（默认全市、今天，文件名 培训统计_<代码>_<日期>.xlsx；--masked 脱敏身份证号）
                          import 文件.xlsx                         导入花名册（组织、人员、职务、学历教育、后备、关键岗位；有错误则不导入，错误逐行输出）
                        """);
                    return 0;
            }
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

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}

/// <summary>A verb's own refusal, printed as is.</summary>
public sealed class CommandLineException(string message) : Exception(message);
