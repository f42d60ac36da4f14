using Training.Web.Features.DataExchange.Import.Roster;
using static Training.Tests.Features.DataExchange.Import.Roster.RosterFile;

namespace Training.Tests.Features.DataExchange.Import.Roster;

/// <summary>
/// A small complete roster for an empty database: the city, one district, one township, a
/// village and a community (created in 组织 and used by the later sheets), three persons,
/// their posts, enrollments (one graduated), reserves and key posts.
/// </summary>
internal static class GoodRoster
{
    public const string City = "440100";
    public const string District = "440111";
    public const string Township = "440111103";
    public const string Village = "440111103201";
    public const string Community = "440111103202";

    public static readonly string He = Id(new DateOnly(1986, 3, 15), 911);
    public static readonly string Liang = Id(new DateOnly(1992, 8, 22), 902);
    public static readonly string Chen = Id(new DateOnly(1979, 11, 2), 713);

    public static readonly DateOnly Graduated = new(2023, 7, 1);

    public static object?[][] Org() =>
    [
        [City, "广州市", "市", null, null],
        [District, "白云区", "区", City, null],
        [Township, "太和镇", "镇街", District, null],
        [Village, "大源村委会", "村社区", Township, "村"],
        [Community, "穗丰社区居委会", "村社区", Township, "社区"],
    ];

    public static object?[][] Persons() =>
    [
        [He, "何嘉明", "13800138000", "中共党员", "高中/中专", Village],
        [Liang, "梁晓彤", null, "共青团员", "大专", Community],
        [Chen, "陈国强", "13900139000", "中共党员", "初中及以下", Village],
    ];

    public static object?[][] Posts() =>
    [
        [He, Village, "党组织书记", new DateOnly(2021, 1, 1), null],
        [He, Village, "村(居)委会主任", new DateOnly(2021, 1, 1), null],
        [Liang, Community, "村(居)委会委员", "2018-05-01", new DateOnly(2020, 12, 31)],
    ];

    public static object?[][] Enrollments() =>
    [
        [He, 2020, "大专", "广东开放大学", "农村经济管理", "已毕业", Graduated, 9000, 7500, 0, 1500],
        [Liang, 2022, "本科", "华南农业大学", "行政管理", "已录取", null, 10100, 8800, 0, 1300],
        [Chen, 2021, "大专", "广东开放大学", "农村经济管理", "已退学", null, 9000, 7500, 0, 1500],
    ];

    public static object?[][] Reserves() =>
    [
        [Liang, Community, "书记后备", "已入库", new DateOnly(2022, 3, 1)],
        [Chen, Village, "两委后备", "村推", null],
    ];

    public static object?[][] KeyPosts() => [[Village, 2]];

    public static RosterSheet[] Sheets() =>
    [
        Sheet(RosterSheets.Org, Org()),
        Sheet(RosterSheets.Persons, Persons()),
        Sheet(RosterSheets.Posts, Posts()),
        Sheet(RosterSheets.Enrollments, Enrollments()),
        Sheet(RosterSheets.Reserves, Reserves()),
        Sheet(RosterSheets.KeyPosts, KeyPosts()),
    ];

    public static Task<MemoryStream> WriteAsync() => RosterFile.WriteAsync(Sheets());
}
