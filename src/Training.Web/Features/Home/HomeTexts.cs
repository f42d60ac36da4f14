namespace Training.Web.Features.Home;

/// <summary>What the home module's pages say in C# (the error page), in one place for review.</summary>
public static class HomeTexts
{
    public const string MenuMaintenance = "系统维护";
    public const string HomePermission = "首页、全部功能", MaintenancePermission = "系统维护：后台任务";

    public static string ErrorTitle(int? code) => code switch
    {
        404 => "页面不存在",
        403 => "无权访问",
        429 => "查询太频繁",
        _ => "出错了",
    };

    public static string ErrorText(int? code) => code switch
    {
        404 => "您要找的页面或记录不存在，或不在您的管辖范围内。",
        403 => "您的账号没有进行此操作的权限。",
        429 => "您在短时间内的请求次数过多，请一分钟后再试。",
        _ => "系统暂时无法完成您的请求，请稍后重试。如问题持续，请联系市委组织部。",
    };
}
