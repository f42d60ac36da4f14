using Training.Core.Domain;
using System.Net;
using AngleSharp.Html.Dom;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Classes;

/// <summary>The class pages as staff use them: 报名 with the version shown, a page read, a refusal by role.</summary>
internal static class ClassPages
{
    public const string District = Infrastructure.Builders.DemoAccounts.District;
    public const string OtherDistrict = Infrastructure.Builders.DemoAccounts.OtherDistrict;
    public const string City = Infrastructure.Builders.DemoAccounts.City;
    public const string Township = Infrastructure.Builders.DemoAccounts.Township;
    public const string OtherTownship = Infrastructure.Builders.DemoAccounts.OtherTownship;
    public const string Village = Infrastructure.Builders.DemoAccounts.Village;
    /// <summary>汉塘村委会 (人和镇, 白云区): the village of the demo village account.</summary>
    public const string OwnVillage = Infrastructure.Builders.TestPeople.OwnVillage;

    public static DateOnly Today => Infrastructure.Builders.TestPeople.Today;

    /// <summary>报名 as the page does it: the class's version as shown.</summary>
    public static async Task<HttpResponseMessage> EnrolByPageAsync(HttpClient client, int classId, int personId, Guid version) =>
        await client.PostFormAsync($"/Classes/Details/{classId}", $"/Classes/Details/{classId}?handler=Enrol",
            new Dictionary<string, string> { ["PersonId"] = personId.ToString(), ["Version"] = version.ToString() });

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadHtmlAsync();
    }

    /// <summary>The class form (create and edit) as typed.</summary>
    public static Dictionary<string, string> Form(string name, DateOnly start, DateOnly end, string capacity = "30",
        string sex = "", string audience = nameof(ClassAudience.Any), string percent = "80") => new()
    {
        ["Input.Name"] = name,
        ["Input.StartOn"] = start.ToString("yyyy-MM-dd"),
        ["Input.EndOn"] = end.ToString("yyyy-MM-dd"),
        ["Input.Capacity"] = capacity,
        ["Input.SexOnly"] = sex,
        ["Input.Audience"] = audience,
        ["Input.CompletionPercent"] = percent,
        ["Input.Description"] = "测试说明",
    };
}
