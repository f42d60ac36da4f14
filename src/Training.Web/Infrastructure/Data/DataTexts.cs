namespace Training.Web.Infrastructure.Data;

public static class DataTexts
{
    public static string BadApplicationUser(string user) =>
        $"Database:ApplicationUser「{user}」不是有效的数据库用户名（字母开头，只含字母、数字和下划线）。";

    public static string ApplicationUserTooStrong(string user) =>
        $"应用的数据库用户 {user} 属于 db_owner、db_ddladmin、db_datawriter 等角色，权限过大：请把它移出这些角色后再运行 migrate。";

    public const string PendingMigrationsForApplication =
        "数据库有尚未应用的迁移：应用的数据库账号无权修改表结构，请先用 migrate 命令（ConnectionStrings:Migrations 的账号）迁移数据库。";
}
