using Training.Web.Features.Demo;
using System.Diagnostics;

namespace Training.Bench.Mixed;

/// <summary>
/// The mixed scenario of bench/load.sh (issue 15): the roles' morning journeys interleaved, POSTs included, against a
/// running portal over the city demo. Usage:
/// <c>Training.Bench mixed --base URL --db FILE [--users N] [--seconds T] [--warm W] [--server-pid PID]</c>
/// <list type="number">
/// <item>Preparation (timed apart): every staff user signs in through the form with its own session (the demo's
/// accounts of one township and the district, city and school above it; several users may share an account); every
/// trainee registers through /Account/Register as a roster person of that township without an account (read from
/// FILE, the portal's database, read-only).</item>
/// <item>Warm-up: the journeys for W s (15 by default), not counted.</item>
/// <item>Baseline: every user GETs /health/live for 3 s.</item>
/// <item>The scenario: every user runs its role's loop (<see cref="Journeys"/>) for T s, one request at a time, no pause.</item>
/// </list>
/// Prints each step's requests, requests/s, p50/p90/p99, conflicts (409), refusals (422) and errors (anything else that
/// is not 2xx/3xx, a timeout of 10 s, a dropped connection), then the totals. Exits 1 on any error.
/// With the server's process id (Linux), also the server's CPU time per request in the timed part: what a step costs
/// whatever the VM's speed that hour, so that two builds compare across runs.
/// </summary>
public static class MixedScenario
{
    private const string Password = "Gz-Cadre-2019";
    private const string Township = "/440100/440111/440111103/";
    private static readonly Dictionary<string, string> Accounts = new()
    {
        ["township"] = "township-440111103",
        ["village"] = "village-440111103201",
        ["district"] = "district-440111",
        ["city"] = "city",
        ["school"] = "school-1",
    };

    /// <summary>The share of the users each role has: mostly trainees (they are most of the portal's users).</summary>
    private static readonly (string Role, double Share)[] Mix =
        [("trainee", 0.60), ("township", 0.12), ("village", 0.06), ("district", 0.12), ("city", 0.06), ("school", 0.04)];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => BenchArgs.Option(args, name);
        if (Arg("--base") is not { } baseUrl || Arg("--db") is not { } db)
        {
            Console.Error.WriteLine("usage: Training.Bench mixed --base URL --db FILE [--users N] [--seconds T] [--warm W]");
            return 2;
        }
        var users = int.Parse(Arg("--users") ?? "100");
        var seconds = double.Parse(Arg("--seconds") ?? "30");
        var warmSeconds = double.Parse(Arg("--warm") ?? "15");
        var baseUri = new Uri(baseUrl);
        var serverPid = Arg("--server-pid") is { } pid ? int.Parse(pid) : (int?)null;

        var roles = Roles(users);
        Console.WriteLine($"== mixed scenario: {users} users ({string.Join(", ", roles.GroupBy(r => r).Select(g => $"{g.Count()} {g.Key}"))}), {seconds:0.#} s");
        var prep = new StepLog();
        var browsers = roles.Select(r => new Browser(baseUri, prep, r)).ToList();
        var trainees = browsers.Where(b => b.Role == "trainee").ToList();
        var persons = RegistrablePersons.Read(db, trainees.Count, Township);
        if (persons.Count < trainees.Count)
        {
            Console.Error.WriteLine($"only {persons.Count} persons of {Township} may register; {trainees.Count} needed");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var failures = 0;
        // One sign-in per staff account (city and districts give an authenticator code, each good once); the account's
        // other browsers are its other tabs: they hold the same session.
        var firsts = browsers.Where(b => b.Role != "trainee").GroupBy(b => b.Role).ToDictionary(g => g.Key, g => g.First());
        await Parallel.ForEachAsync(browsers.Where(b => b.Role == "trainee" || firsts[b.Role] == b), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (b, _) =>
        {
            var ok = b.Role == "trainee"
                ? await RegisterAsync(b, persons[trainees.IndexOf(b)])
                : await SignInAsync(b, Accounts[b.Role]);
            if (!ok) Interlocked.Increment(ref failures);
        });
        foreach (var b in browsers.Where(b => b.Role != "trainee" && firsts[b.Role] != b)) b.ShareSessionOf(firsts[b.Role]);
        Console.WriteLine($"   preparation: {trainees.Count} registrations and {firsts.Count} sign-ins ({browsers.Count - trainees.Count} staff browsers) in {clock.Elapsed.TotalSeconds:0.0} s (4 at a time)");
        Print(prep, clock.Elapsed.TotalSeconds, header: true);
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} users could not sign in or register");
            return 1;
        }

        // Warm: every role's journey for a while untimed, so that the timed run measures a server that has compiled
        // its queries and pages (the page benchmark warms each page the same way, with one request).
        // One journey per user, kept across passes: a trainee remembers its application and its lesson.
        var journeys = browsers.ToDictionary(b => b, b => Journeys.For(b.Role));
        var warm = await RunAllAsync(browsers, new StepLog(), warmSeconds, b => journeys[b](b));
        Console.WriteLine($"   warm-up: {warm:0} s of the journeys, untimed");
        var baseline = new StepLog();
        var baselineSeconds = await RunAllAsync(browsers, baseline, 3, async b => await b.GetAsync("/health/live", "GET /health/live (baseline)"));
        var log = new StepLog();
        var cpuBefore = ServerCpu.Read(serverPid);
        var elapsed = await RunAllAsync(browsers, log, seconds, b => journeys[b](b));
        var cpuAfter = ServerCpu.Read(serverPid);
        Console.WriteLine();
        Print(baseline, baselineSeconds, header: true);
        Print(log, elapsed, header: false);

        var all = log.Steps;
        int Sum(IEnumerable<StepLog.Step> s, Func<StepLog.Step, int> f) => s.Sum(f);
        var gets = all.Where(s => !s.IsPost).ToList();
        var posts = all.Where(s => s.IsPost).ToList();
        var errors = Sum(all, s => s.Errors);
        Console.WriteLine($"   all: {Sum(all, s => s.Count) / elapsed:N0} requests/s ({Sum(gets, s => s.Count) / elapsed:N0} GET, {Sum(posts, s => s.Count) / elapsed:N0} POST; target for POST ≥ 200/s), "
            + $"409 {Sum(all, s => s.Conflicts)}, 422 {Sum(all, s => s.Refused)}, errors {errors}; baseline {Sum(baseline.Steps, s => s.Count) / baselineSeconds:N0}/s");
        if (cpuBefore is { } c0 && cpuAfter is { } c1)
            Console.WriteLine($"   server CPU: {(c1 - c0).TotalSeconds / elapsed:0.00} cores, {(c1 - c0).TotalMilliseconds / Sum(all, s => s.Count):0.00} ms a request");
        foreach (var b in browsers) b.Dispose();
        return errors > 0 ? 1 : 0;
    }

    private static List<string> Roles(int users)
    {
        var roles = new List<string>();
        foreach (var (role, share) in Mix.Skip(1)) roles.AddRange(Enumerable.Repeat(role, Math.Max(1, (int)Math.Round(users * share))));
        roles.InsertRange(0, Enumerable.Repeat("trainee", Math.Max(1, users - roles.Count)));
        return roles;
    }

    private static async Task<bool> SignInAsync(Browser b, string account)
    {
        var page = await b.GetAsync("/Account/Login", "GET /Account/Login");
        if (b.Form(page.Html, "/Account/Login") is not { } form) return false;
        var answer = await b.SubmitAsync(form, "sign in", ("Input.UserName", account), ("Input.Password", Password));
        if (b.LastPostStatus != 302) return false;
        // City and district: the demo authenticator's code. A code used already (by the page run's sign-in in this
        // time step) is refused: the next one is taken, as a person types the next one the app shows.
        for (var attempt = 0; attempt < 3 && b.Form(answer.Html, "/Account/SignInCode") is { } codeForm; attempt++)
        {
            answer = await b.SubmitAsync(codeForm, "sign-in code", ("Input.Code", await DemoAuthenticator.NextCodeAsync(account)));
            if (b.LastPostStatus == 302) return true;
        }
        return b.LastPostStatus == 302;
    }

    private static async Task<bool> RegisterAsync(Browser b, RegistrablePersons.Person person)
    {
        var page = await b.GetAsync("/Account/Register", "GET /Account/Register");
        if (b.Form(page.Html, "/Account/Register") is not { } form) return false;
        await b.SubmitAsync(form, "register",
            ("Input.IdNumber", person.IdNumber), ("Input.Name", person.Name), ("Input.Phone", person.Phone),
            ("Input.UserName", $"bench-{person.Id}"), ("Input.Password", Password), ("Input.ConfirmPassword", Password));
        return b.LastPostStatus == 302;
    }

    /// <summary>Every browser runs <paramref name="pass"/> again and again until the time is up; the seconds it took.</summary>
    private static async Task<double> RunAllAsync(List<Browser> browsers, StepLog log, double seconds, Func<Browser, Task> pass)
    {
        var clock = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(browsers.Select(async b =>
        {
            b.Log = log;
            b.Deadline = deadline;
            try
            {
                while (true) await pass(b);
            }
            catch (Browser.TimeUp) { }
        }));
        return clock.Elapsed.TotalSeconds;
    }

    private static void Print(StepLog log, double seconds, bool header)
    {
        if (header)
            Console.WriteLine($"   {"step",-44} {"requests",9} {"req/s",8} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"409",5} {"422",5} {"errors",6}");
        foreach (var s in log.Steps)
            Console.WriteLine($"   {s.Name,-44} {s.Count,9:N0} {s.Count / seconds,8:N0} {s.Percentile(50),8:N1} {s.Percentile(90),8:N1} {s.Percentile(99),8:N1} {s.Conflicts,5} {s.Refused,5} {s.Errors,6}"
                + (s.Errors > 0 ? "  statuses " + string.Join(",", s.Statuses.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}")) : ""));
    }
}
