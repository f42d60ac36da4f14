using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Degree.Apply.ApplyPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>The trainee's online application (PRODUCT.md §5, issue 4 item 2): eligibility, draft, submit in the window, cancel, correct and resubmit.</summary>
public abstract class ApplyTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected static void AssertOffer(IHtmlDocument document, int feeId, bool eligible)
    {
        var offer = document.QuerySelector($"[data-fee-id='{feeId}']");
        Assert.True(offer is not null, $"/Apply 没有列出开放批次的专业 {feeId}");
        Assert.Equal(eligible ? "true" : "false", offer.GetAttribute("data-eligible"));
        Assert.Equal(eligible, offer.QuerySelector("form button[type=submit]") is not null);
    }
}
