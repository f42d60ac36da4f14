using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Training.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Training.Tests.Http;

/// <summary>
/// Every form the roles can reach, and every filter, with out-of-range input: dates like
/// 9999-12-31 and 0001-01-01, numbers like 2147483647 and -2147483648, ids and list choices that
/// do not exist. The portal may refuse (400, 404, 409, 422) or accept, never fail with a 500 or log an
/// unhandled exception. The forms are found by walking the links of each role's pages, so a new
/// form is fuzzed without being listed; the walk must reach every POST handler the app has, except
/// the few listed with their reason. On an app of its own: what the fuzz accepts stays there.
/// </summary>
public sealed partial class InputFuzzTests(InputFuzzTests.OwnApp app, ITestOutputHelper output) : IClassFixture<InputFuzzTests.OwnApp>
{
    /// <summary>A second app over its own database, so accepted fuzz never reaches the shared one.</summary>
    public sealed class OwnApp : IAsyncLifetime
    {
        public AppFixture App { get; } = new();
        public Task InitializeAsync() => App.InitializeAsync();
        public Task DisposeAsync() => App.DisposeAsync();
    }

    // The trainee first: its application, once submitted, gives the reviewers' pages their forms.
    private static readonly string[] Accounts =
        ["trainee-demo", "township-440111103", "district-440111", "city", "village-440111103201", "school-1", "sysadmin", "auditor"];

    private static readonly string[] Dates = ["9999-12-31", "0001-01-01"];
    private static readonly string[] Numbers = ["2147483647", "-2147483648", "99999999999999999999", "-1"];

    /// <summary>POST handlers no page's form reaches, and why they are safe from this fuzz.</summary>
    private static readonly Dictionary<string, string> HandlersNotReached = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/?Read"] = "shown only beside an unread notice; its one field is the notice's id",
        ["/Corrections?Answer"] = "shown only beside an open 更正申请 (the demo has none); its fields are the request's id, the choice and the reply: Features/People/Corrections/IndexTests posts a decline without a reason, an answer twice and another township's",
        ["/Admin/Users/Edit/{id}?Enable"] = "shown only for a disabled account; no field beyond the route's id",
        ["/Admin/Users/Edit/{id}?ConfirmRequest"] = "shown only while the account's owner has an open 密码申请; its one field is the code: RecoverTests posts right, wrong and another unit's",
        ["/Account/Recover?Set"] = "shown only in the browser that holds a confirmed 密码申请; its fields are the new password twice: RecoverTests posts it",
        ["/Account/Recover?Cancel"] = "shown only in the browser that holds an open 密码申请; no field",
        ["/Learning/Study/Lesson/{id}?Start"] = "shown only on a quiz lesson the learner has not passed, deeper than the walk's three of each shape; no field beyond the route's id",
        ["/Learning/Study/Lesson/{id}?Read"] = "shown only on a text or file lesson the learner has opened and not finished; the walk's three lesson pages may all be quizzes (我的培训班 links its classes' quizzes first); no field beyond the route's id: LessonTests posts it",
        ["/Learning/Ledger/{id}?Reverse"] = "shown only beside a standing entry of a person's 学时; the walk's three ledger pages may all be persons the 学习统计 lists as 未开始 (no entry); its one field is the reason: LedgerTests posts it",
        ["/Learning/Study/Quiz/{id}?"] = "exists only once a quiz attempt was started by a POST; its fields are shown option indexes: QuizTests submits garbage ones",
        ["/Classes/Details/{id}?Enrol"] = "shown only beside the results of a search for a person; its one field is the person's id",
        ["/Certificates/Class/{id}?Issue"] = "shown only while a graduate lacks a certificate (the demo's all have one); no field beyond the route's id: Features/Certificates/ClassTests",
        ["/Account/TwoFactor/Setup?Confirm"] = "shown once a key was made by a POST of 生成二维码, which the walk does not send; its one field is the code: TwoFactor/SetupTests",
        ["/Certificates/Download?Issue"] = "shown only to a graduate without a certificate (trainee-demo has not graduated); its one field is the class's id: Features/Certificates/DownloadTests",
    };

    private static readonly Dictionary<string, string> NotReachedByForms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = "signing in is the walk's first step; its fields are text",
        ["/Account/Register"] = "anonymous only; its fields are text (ID number, name, phone, password): AccountTests",
        ["/Account/Logout"] = "no fields; posting it would end the walk's session",
        ["/Account/SignInCode"] = "only between a right password and the code (the walk's sessions are signed in); its one field is text: SignInCodeTests",
        ["/Error"] = "the error page answers any method and reads no field",
        ["/Learning/Heartbeat"] = "posted by the player's script, not a form: its fields are forged in HeartbeatTests (malformed, NaN, negative, unknown state)",
    };

    private const int MaxPagesPerAccount = 300;

    [Fact]
    public async Task Should_answer_out_of_range_dates_and_numbers_in_every_form_and_filter_without_a_server_error()
    {
        var started = DateTimeOffset.UtcNow;
        var failures = new List<string>();
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var requests = 0;
        foreach (var account in Accounts)
        {
            var client = await app.App.SignInAsync(account);
            await WalkAndFuzzAsync(account, client);
            if (account != "trainee-demo") continue;
            // The application's own pages, as a draft and then as submitted: their forms differ.
            output.WriteLine($"application started: {await ApplicationStepAsync(client, "/Apply", "FeeId")}");
            await WalkAndFuzzAsync(account, client);
            output.WriteLine($"application submitted: {await ApplicationStepAsync(client, "/Apply/Mine", "handler=Submit")}");
        }

        async Task WalkAndFuzzAsync(string account, HttpClient client)
        {
                // First the walk, GET only, collecting the forms: what one accepted fuzz changes (an approval)
                // must not hide another page's forms from the walk.
                var forms = new List<(string Target, bool Post, Dictionary<string, string> Baseline, List<(string Name, string[] Values)> Fuzzable)>();
                var numbersInLinks = new List<(string Url, string Name, string Value)>();
                var walk = new LinkWalk(pagesOnly: true);
                walk.Enqueue("/");
                foreach (var route in AppPages.Routes(app.App.Services).Where(r => !r.Contains('{'))) walk.Enqueue(route);
                while (walk.Next() is { } url && walk.Visited <= MaxPagesPerAccount)
                {
                    using var response = await client.GetAsync(url);
                    requests++;
                    if ((int)response.StatusCode >= 500) failures.Add($"{account} GET {url} → {(int)response.StatusCode}");
                    if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                    var page = await response.ReadHtmlAsync();
                    foreach (var link in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)) walk.Enqueue(link);
                    foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
                    {
                        var post = string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase) || form.HasAttribute("hx-post");
                        foreach (var target in Targets(form, url, post))
                        {
                            if (post) reached.Add(HandlerKey(target));
                            // Uploads are the import tests' (bad files, bombs); a form is fuzzed once.
                            if (form.QuerySelector("input[type=file]") is not null || !walk.FirstForm(target, post)) continue;
                            forms.Add((target, post, Baseline(form), Fuzzable(form).ToList()));
                        }
                    }
                    numbersInLinks.AddRange(QueryNumbers(url).Select(q => (url, q.Name, q.Value)));
                }

                foreach (var (target, post, baseline, fuzzable) in forms)
                    foreach (var fields in Variants(baseline, fuzzable))
                    {
                        using var answer = post
                            ? await client.PostAsync(target, new FormUrlEncodedContent(fields))
                            : await client.GetAsync(WithQuery(target, fields));
                        requests++;
                        if ((int)answer.StatusCode >= 500)
                            failures.Add($"{account} {(post ? "POST" : "GET")} {target} {Differences(baseline, fields)} → {(int)answer.StatusCode}");
                    }
                foreach (var (url, name, value) in numbersInLinks)
                    foreach (var extreme in Numbers)
                    {
                        var fuzzed = url.Replace($"{name}={value}", $"{name}={Uri.EscapeDataString(extreme)}", StringComparison.Ordinal);
                        using var answer = await client.GetAsync(fuzzed);
                        requests++;
                        if ((int)answer.StatusCode >= 500) failures.Add($"{account} GET {fuzzed} → {(int)answer.StatusCode}");
                    }
        }

        var logged = app.App.Errors.Since(started).Select(e => e.ToString()).Distinct().ToList();
        output.WriteLine($"{requests} requests, {reached.Count} POST handlers reached, {failures.Count} failures, {logged.Count} logged errors");
        Assert.True(failures.Count == 0 && logged.Count == 0,
            string.Join("\n", failures.Distinct().Take(60).Concat(logged.Take(20))));

        var missing = new List<string>();
        foreach (var page in AppPages.Pages(app.App.Services))
            foreach (var handler in await AppPages.PostHandlersAsync(app.App.Services, page))
            {
                var key = $"{page.Route}?{handler}";
                if (!reached.Contains(key) && !NotReachedByForms.ContainsKey(page.Route) && !HandlersNotReached.ContainsKey(key)) missing.Add(key);
            }
        Assert.True(missing.Count == 0, "这些 POST 处理程序没有任何页面上的表单能到达，输入模糊测试未覆盖：\n" + string.Join("\n", missing));
    }

    /// <summary>
    /// The application's pages have forms only once there is an application: the trainee takes a step
    /// as a browser would, sending unchanged the first form (on the page or the one it links to) that
    /// holds <paramref name="marker"/>. Returns the answer's status, for the test's output.
    /// </summary>
    private static async Task<string> ApplicationStepAsync(HttpClient trainee, string pageUrl, string marker)
    {
        foreach (var url in await PageAndLinksAsync(trainee, pageUrl))
        {
            using var page = await trainee.GetAsync(url);
            if (page.StatusCode != HttpStatusCode.OK) continue;
            var form = (await page.ReadHtmlAsync()).QuerySelectorAll("form").OfType<IHtmlFormElement>()
                .FirstOrDefault(f => f.OuterHtml.Contains(marker, StringComparison.Ordinal) && f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
            if (form is null) continue;
            using var answer = await trainee.PostAsync(form.GetAttribute("action") ?? url, new FormUrlEncodedContent(Baseline(form)));
            return $"{url} → {(int)answer.StatusCode}";
        }
        return "no form";
    }

    private static async Task<List<string>> PageAndLinksAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(url);
        var links = page.StatusCode == HttpStatusCode.OK
            ? (await page.ReadHtmlAsync()).QuerySelectorAll("a[href^='/Apply/']").Select(a => a.GetAttribute("href")!).ToList()
            : [];
        return [url, .. links];
    }

    /// <summary>Where a form sends: its action (or hx-post / hx-get), and each submit button's own formaction.</summary>
    private static IEnumerable<string> Targets(IHtmlFormElement form, string pageUrl, bool post)
    {
        var own = form.GetAttribute(post ? "hx-post" : "hx-get") ?? form.GetAttribute("action");
        yield return string.IsNullOrEmpty(own) ? pageUrl : own;
        foreach (var button in form.QuerySelectorAll("button[formaction], input[type=submit][formaction], button[hx-post]"))
            yield return button.GetAttribute("formaction") ?? button.GetAttribute("hx-post")!;
    }

    /// <summary>"/Classes/Details/12?handler=AddSession" → "/Classes/Details/{id}?AddSession", as AppPages names handlers.</summary>
    private string HandlerKey(string target)
    {
        var path = target.Split('?')[0];
        var handler = Regex.Match(target, @"[?&]handler=([^&]+)", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : "";
        var route = AppPages.Pages(app.App.Services).Select(p => p.Route)
            .FirstOrDefault(r => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(r), @"\\\{[^}]*}", "[^/]+") + "$", RegexOptions.IgnoreCase))
            ?? path;
        if (handler.Length == 0 && Regex.Match(path, @"^(.*)/([A-Za-z]+)$") is { Success: true } tail
            && !AppPages.Pages(app.App.Services).Any(p => p.Route.Equals(path, StringComparison.OrdinalIgnoreCase)))
            return $"{tail.Groups[1].Value}?{tail.Groups[2].Value}"; // a handler as a route segment
        return $"{route}?{handler}";
    }

    /// <summary>What a careful user would send: the form's own values, and something plausible where it is empty.</summary>
    private static Dictionary<string, string> Baseline(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked || (box.Type == "radio" && !fields.ContainsKey(name))) fields[name] = box.Value;
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value.Length > 0 ? input.Value
                        : input.Type == "date" ? "2027-03-01"
                        : input.Type == "number" || input.GetAttribute("inputmode") is "numeric" or "decimal" ? "30"
                        : name.Contains("Phone", StringComparison.OrdinalIgnoreCase) ? "13800000000"
                        : "测试";
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected && o.Value.Length > 0)
                        ?? select.Options.FirstOrDefault(o => o.Value.Length > 0);
                    if (chosen is not null) fields[name] = chosen.Value;
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.Value.Length > 0 ? area.Value : "测试";
                    break;
            }
        }
        return fields;
    }

    /// <summary>The fields that carry a date or a number (typed, chosen from a list of numbers, or a hidden id), with the values to try.</summary>
    private static IEnumerable<(string Name, string[] Values)> Fuzzable(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken") continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "date" }:
                    yield return (name, Dates);
                    break;
                case IHtmlInputElement input when input.Type == "number" || input.GetAttribute("inputmode") is "numeric" or "decimal"
                                                  || (input.Type is "hidden" or "text" && long.TryParse(input.Value, out _)):
                    yield return (name, Numbers);
                    break;
                case IHtmlSelectElement select when select.Options.Any(o => long.TryParse(o.Value, out _)):
                    yield return (name, Numbers);
                    break;
            }
        }
    }

    /// <summary>One field at a time out of range, the others as a careful user sends them; and every date
    /// of the form at once (a period from 9999-12-31 to 9999-12-31 passes "end after start").</summary>
    private static IEnumerable<Dictionary<string, string>> Variants(Dictionary<string, string> baseline, List<(string Name, string[] Values)> fuzzable)
    {
        foreach (var (name, values) in fuzzable)
            foreach (var value in values)
                yield return new Dictionary<string, string>(baseline) { [name] = value };
        var dates = fuzzable.Where(f => f.Values == Dates).Select(f => f.Name).ToList();
        if (dates.Count < 2) yield break;
        foreach (var value in Dates)
        {
            var fields = new Dictionary<string, string>(baseline);
            foreach (var name in dates) fields[name] = value;
            yield return fields;
        }
    }

    private static string Differences(Dictionary<string, string> baseline, Dictionary<string, string> fields) =>
        string.Join(" ", fields.Where(f => baseline.GetValueOrDefault(f.Key) != f.Value).Select(f => $"{f.Key}={f.Value}"));

    private static IEnumerable<(string Name, string Value)> QueryNumbers(string url) =>
        url.Contains('?')
            ? url[(url.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && long.TryParse(p[1], out _))
                .Select(p => (p[0], p[1]))
            : [];

    private static string WithQuery(string target, Dictionary<string, string> fields) =>
        target.Split('?')[0] + "?" + string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
