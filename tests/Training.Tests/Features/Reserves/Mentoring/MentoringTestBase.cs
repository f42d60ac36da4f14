using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Web;
using static Training.Tests.Features.Reserves.Mentoring.MentoringPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Reserves.Mentoring;

/// <summary>
/// 结对帮带 over the pages and the real SQLite fixture: the township pairs, evaluates and ends;
/// everyone of the scope sees, nobody else; the 90-day overdue list; two accounts at once.
/// Every test makes its own reserves, cadres and pairs.
/// </summary>
public abstract class MentoringTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    // ---------------------------------------------------------------- helpers

    protected static Dictionary<string, string> Fields(int reserveId, int mentorId, string goals = "熟悉村务") => new()
    {
        ["ReserveId"] = reserveId.ToString(),
        ["MentorId"] = mentorId.ToString(),
        ["StartOn"] = Today.ToString("yyyy-MM-dd"),
        ["EndOn"] = Today.AddYears(1).ToString("yyyy-MM-dd"),
        ["Goals"] = goals,
    };
}
