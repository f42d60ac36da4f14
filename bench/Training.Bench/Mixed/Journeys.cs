using System.Text.RegularExpressions;

namespace Training.Bench.Mixed;

/// <summary>
/// What each role does in a morning, one pass of its loop: the pages it reads and the steps it takes, every step
/// through the form the page drew. Targets come from the pages themselves (the applications waiting in the review
/// queue, the persons the village may recommend, a class's sessions), so the scenario acts only where the portal
/// lets the account act. A trainee's loop applies, submits and now and then withdraws the application (so that there
/// is always something to submit and to approve), opens a lesson and studies it (heartbeats every few seconds in a
/// browser, back to back here).
/// </summary>
public static partial class Journeys
{
    public const int HeartbeatsPerLesson = 5;

    public static Func<Browser, Task> For(string role) => role switch
    {
        "trainee" => new Trainee().PassAsync,
        "township" => TownshipAsync,
        "village" => VillageAsync,
        "district" => DistrictAsync,
        "city" => CityAsync,
        "school" => SchoolAsync,
        _ => throw new ArgumentException($"no journey for {role}"),
    };

    private sealed class Trainee
    {
        private int? application;
        private bool noOffer;
        private int? lesson;
        private bool nothingToStudy;

        public async Task PassAsync(Browser b)
        {
            await b.GetAsync("/");
            if (!noOffer) await ApplyAsync(b);
            else await b.GetAsync("/Apply/Mine");
            if (!nothingToStudy) await StudyAsync(b);
            await b.GetAsync("/Notices");
        }

        private async Task ApplyAsync(Browser b)
        {
            Browser.Answer? page = null;
            if (application is null)
            {
                var offers = await b.GetAsync("/Apply");
                if (b.Form(offers.Html, "handler=Create") is { } create)
                {
                    page = await b.SubmitAsync(create, "apply: create");
                    application = Link(b.LastPath ?? "", "/Apply/Details/");
                }
                else application = Link(offers.Html, "/Apply/Details/");
                if (application is null) { noOffer = true; return; }
            }
            page ??= await b.GetAsync($"/Apply/Details/{application}");
            if (b.Form(page.Html, "handler=Submit") is { } submit)
                await b.SubmitAsync(submit, "apply: submit");
            else if (Random.Shared.Next(3) == 0 && b.Form(page.Html, "handler=Cancel") is { } cancel)
            {
                await b.SubmitAsync(cancel, "apply: withdraw");
                application = null;
            }
        }

        private async Task StudyAsync(Browser b)
        {
            if (lesson is null)
            {
                var courses = await b.GetAsync("/Learning/Study");
                var course = Link(courses.Html, "/Learning/Study/Course/");
                if (course is null) { nothingToStudy = true; return; }
                var lessons = await b.GetAsync($"/Learning/Study/Course/{course}");
                lesson = Link(lessons.Html, "/Learning/Study/Lesson/");
                if (lesson is null) { nothingToStudy = true; return; }
            }
            var page = await b.GetAsync($"/Learning/Study/Lesson/{lesson}");
            var playback = PlaybackId().Match(page.Html);
            var token = HeartbeatToken().Match(page.Html);
            if (!playback.Success || !token.Success || playback.Groups[1].Value == "") { nothingToStudy = true; return; }
            for (var beat = 1; beat <= HeartbeatsPerLesson; beat++)
                await b.PostScriptAsync("/Learning/Heartbeat", "heartbeat", token.Groups[1].Value,
                    ("lessonId", lesson.ToString()!), ("playbackId", playback.Groups[1].Value), ("position", (beat * 10).ToString()), ("state", "playing"));
        }
    }

    private static async Task TownshipAsync(Browser b)
    {
        await b.GetAsync("/");
        await ReviewOneAsync(b);
        // The candidates waiting on the township: it selects one, or declines one with a reason on its page, which
        // makes the person recommendable again (selecting every one in the warm-up left the villages nobody to recommend).
        var reserves = await b.GetAsync("/Reserves?State=Recommended");
        if (Random.Shared.Next(2) == 0)
        {
            using var mayBeGone = b.OnRecordsThatMayBeGone();
            if (b.Form(reserves.Html, "handler=Step") is { } step) await b.SubmitAsync(step, "reserve: township's step");
        }
        else await StepOnCandidatePageAsync(b, reserves.Html, "DeclineByTownship", "reserve: township declines", "负载测试：群众评议不足");
        await b.GetAsync("/Persons");
    }

    private static async Task VillageAsync(Browser b)
    {
        await b.GetAsync("/");
        var reserves = await b.GetAsync("/Reserves");
        // The persons the page offers, each for the target it is not already a candidate for.
        var offered = PersonSelect().Match(reserves.Html).Groups[1].Value;
        var people = PersonOption().Matches(offered).Select(m => (Id: m.Groups[1].Value, Held: m.Groups[2].Value)).ToList();
        if (people.Count > 0 && b.Form(reserves.Html, "handler=Recommend") is { } recommend)
        {
            var (id, held) = people[Random.Shared.Next(people.Count)];
            var target = held == "TwoCommittee" ? "Secretary" : "TwoCommittee";
            await b.SubmitAsync(recommend, "reserve: recommend", ("PersonId", id), ("NewTarget", target), ("Comment", "负载测试推荐"));
        }
        else
        {
            // Every person of the village is a candidate already (18 persons: gone in the warm-up): the village withdraws
            // one of its recommendations not yet decided, so that there is someone to recommend again.
            var waiting = await b.GetAsync("/Reserves?State=Recommended");
            await StepOnCandidatePageAsync(b, waiting.Html, "Withdraw", "reserve: withdraw", "负载测试撤回");
        }
        await b.GetAsync("/Persons");
    }

    private static async Task DistrictAsync(Browser b)
    {
        await b.GetAsync("/");
        await ApproveAsync(b, "approve (district)");
        // 区考察: the district declines one of the candidates selected latest (the list is newest first) on its page.
        // A selected candidate stays open, so without it every person of the village was a candidate for both
        // targets after the warm-up and the village and township journeys had nothing left to do.
        var selected = await b.GetAsync("/Reserves?State=Selected");
        await StepOnCandidatePageAsync(b, selected.Html, "DeclineByDistrict", "reserve: district declines", "负载测试：考察未通过", among: 5);
        await AttendanceAsync(b);
        await b.GetAsync("/Learning/Reports");
    }

    private static async Task CityAsync(Browser b)
    {
        await b.GetAsync("/");
        await b.GetAsync("/Statistics");
        await AttendanceAsync(b);
        await b.GetAsync("/Learning/Reports");
    }

    private static async Task SchoolAsync(Browser b)
    {
        await b.GetAsync("/School");
        await b.GetAsync("/Import/Graduation");
    }

    /// <summary>A township reviews one application at a time: the first waiting one opened from the queue and approved.</summary>
    private static async Task ReviewOneAsync(Browser b)
    {
        var queue = await b.GetAsync("/Reviews");
        var waiting = Links(queue.Html, "/Reviews/Details/");
        if (waiting.Count == 0) return;
        var page = await b.GetAsync($"/Reviews/Details/{waiting[Random.Shared.Next(Math.Min(5, waiting.Count))]}");
        if (b.Form(page.Html, "handler=Approve") is { } approve) await b.SubmitAsync(approve, "approve (township)", ("Comment", "同意"));
    }

    /// <summary>The review queue as the account's step shows it; up to five of the waiting applications approved at once.</summary>
    private static async Task ApproveAsync(Browser b, string step)
    {
        var queue = await b.GetAsync("/Reviews");
        var picks = HtmlForm.Choices(queue.Html, "pick").Take(5).Select(p => ("pick", p)).ToArray();
        if (picks.Length > 0 && b.Form(queue.Html, "handler=Approve") is { } approve)
            await b.SubmitAsync(approve, step, [.. picks, ("comment", "同意")]);
    }

    /// <summary>A class the account runs, one of its sessions held by today, and who came (a different few each time).</summary>
    private static async Task AttendanceAsync(Browser b)
    {
        var classes = await b.GetAsync("/Classes");
        var ids = Links(classes.Html, "/Classes/Details/");
        if (ids.Count == 0) return;
        var details = await b.GetAsync($"/Classes/Details/{ids[Random.Shared.Next(ids.Count)]}");
        var sessions = Links(details.Html, "/Classes/Attendance/");
        if (sessions.Count == 0) return;
        var sheet = await b.GetAsync($"/Classes/Attendance/{sessions[Random.Shared.Next(sessions.Count)]}");
        if (b.Form(sheet.Html, "/Classes/Attendance/") is not { } form) return;
        var present = HtmlForm.Choices(sheet.Html, "Present").Where(_ => Random.Shared.Next(10) < 8).Select(p => ("Present", p)).ToArray();
        await b.SubmitAsync(form, "attendance", present);
    }

    /// <summary>
    /// A step that asks for a reason, taken on a candidate's page: one of the first <paramref name="among"/> candidates
    /// the list (<paramref name="listHtml"/>) links to is opened and its <paramref name="step"/> form sent with <paramref name="reason"/>.
    /// </summary>
    private static async Task StepOnCandidatePageAsync(Browser b, string listHtml, string step, string label, string reason, int among = int.MaxValue)
    {
        var ids = Links(listHtml, "/Reserves/Detail?id=");
        if (ids.Count == 0) return;
        using var mayBeGone = b.OnRecordsThatMayBeGone();
        var detail = await b.GetAsync($"/Reserves/Detail?id={ids[Random.Shared.Next(Math.Min(among, ids.Count))]}");
        if (b.Form(detail.Html, "step=" + step) is { } form) await b.SubmitAsync(form, label, ("Comment", reason));
    }

    private static int? Link(string html, string prefix) => Links(html, prefix) is [var first, ..] ? first : null;

    private static List<int> Links(string html, string prefix) =>
        Regex.Matches(html, Regex.Escape(prefix) + @"(\d+)").Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();

    [GeneratedRegex(@"<select name=""PersonId""[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex PersonSelect();

    [GeneratedRegex(@"<option value=""(\d+)""(?:[^>]*?data-open-target=""(\w+)"")?")]
    private static partial Regex PersonOption();

    [GeneratedRegex(@"data-playback-id=""([^""]*)""")]
    private static partial Regex PlaybackId();

    [GeneratedRegex(@"id=""heartbeat-token""[^>]*>\s*<input[^>]*value=""([^""]*)""")]
    private static partial Regex HeartbeatToken();
}
