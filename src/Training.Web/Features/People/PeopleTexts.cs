using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;

namespace Training.Web.Features.People;

/// <summary>
/// What the people module says in C# (menu, permissions, sign-in and registration, persons,
/// accounts of units below, the first administrator), in one place for review.
/// </summary>
public static class PeopleTexts
{
    // Menu, permissions, verbs
    public const string MenuPersons = "人员", MenuOrg = "组织机构", MenuAccounts = "账号管理", MenuOwnRecord = "我的档案";
    public const string OwnAccountPermission = "自己的账号：修改密码、退出", OwnRecordPermission = "我的档案", OrgPermission = "组织机构",
        PersonsPermission = "人员查询", PersonDetailsPermission = "人员档案（学员只看自己的）", AccountsPermission = "下级单位的账号管理";
    public const string CreateAdminHelp = "create-admin --user 用户名 --password 密码 [--role SystemAdmin|SecurityAuditor|CityAdmin]  创建系统管理员（默认）、安全审计员或市级管理员";

    // Sign-in, password, registration
    public const string UserNameLabel = "用户名", PasswordLabel = "密码";
    public const string EnterUserName = "请输入用户名。", EnterPassword = "请输入密码。";
    /// <summary>Every refusal about the account says this, and only this (SignInGate).</summary>
    public const string SignInRefused = "用户名或密码不正确，或账号暂时不能登录。同一账号连续输错 5 次，需等待 15 分钟再试；仍不能登录请联系所在单位管理员。";
    public const string SourceThrottled = "本网络地址登录失败次数过多，请 15 分钟后再试。";
    public const string EnterCurrentPassword = "请输入当前密码。", EnterNewPassword = "请输入新密码。", RepeatNewPassword = "请再次输入新密码。";
    public const string NewPasswordsDiffer = "两次输入的新密码不一致。";
    public const string NewPasswordSameAsOld = "新密码不能与当前密码相同。";
    /// <summary>The name the authenticator app shows above the account's codes.</summary>
    public const string AuthenticatorIssuer = "广州村官学习平台";
    public const string SignedInAudit = "登录", SignedInWithCodeAudit = "登录（两步验证）", PasswordAcceptedAudit = "登录：密码正确，待验证码";
    public const string SignInRefusedAudit = "登录失败", CodeRefusedAudit = "两步验证失败", SignedOutAudit = "退出登录";
    public const string PasswordChangedAudit = "修改密码", PasswordChangeRefusedAudit = "修改密码失败";
    public const string UnknownAccountName = "（不存在的用户名）";

    // 密码申请: the owner sets the password, the administrator confirms the code (issue 16 §4)
    public const string PasswordRequestedAudit = "申请设置密码";
    public const string PasswordRequestNobodyConfirms = "无人可确认：用户名不存在、账号已停用或为系统管理账号";
    public const string PasswordRequestConfirmedAudit = "确认密码申请";
    public const string PasswordSetThroughRequestAudit = "经确认设置密码";
    public const string PasswordRequestClosed = "这次申请已失效（超过 1 小时、已设置过密码，或确认码输错次数过多），请重新申请。";
    public const string PasswordRequestTooMany = "这台电脑所在网络一小时内申请过多，请稍后再试，或直接联系单位管理员。";
    public const string PasswordRequestWrongCode = "确认码不对，请让使用人再读一遍屏幕上的 8 位数字。";
    public const string PasswordRequestConfirmed = "已确认。请使用人在自己的手机或电脑上设置新密码。";
    public const string PasswordRequestNone = "该账号没有待确认的申请，或申请已失效（超过 1 小时、确认码输错过多）。请使用人重新申请。";
    public const string PasswordSetLogIn = "密码已设置，请用新密码登录。";
    public const string PasswordRequestCancelled = "已取消这次申请。";

    /// <summary>The password rule an account's owner reads beside the new password.</summary>
    public static string PasswordRuleOf(AppUser user) => PasswordRules.IsStaff(user) ? StaffPasswordRule : TraineePasswordRule;

    public static string ConfirmedBy(string administrator) => $"由 {administrator} 确认";
    public const string RefusedUnknownName = "用户名不存在", RefusedWrongPassword = "密码错误", RefusedDisabled = "账号已停用";
    public const string RefusedLockedOut = "账号已锁定", RefusedAddressHeldOff = "该地址对此账号失败过多，暂停 15 分钟";
    public const string RefusedSourceHeldOff = "该地址登录失败过多，暂停 15 分钟";
    public const string CodeLabel = "验证码", EnterCode = "请输入验证码。";
    public const string CodeRefused = "验证码不正确或已用过。请输入验证器上此刻显示的 6 位数字，或一个未用过的恢复码。";
    public const string CodeLockedOut = "验证码输错次数过多，账号已暂停登录 15 分钟。如非本人操作，请立即联系上级组织部门。";
    public const string SetupCodeRefused = "验证码不正确。请确认手机时间准确，并输入验证器上此刻显示的 6 位数字。";
    public const string TwoFactorEnabledAudit = "开启两步验证", TwoFactorResetAudit = "重置两步验证";
    public const string RecoveryCodesRenewedAudit = "重新生成恢复码", RecoveryCodeUsedAudit = "使用恢复码登录";
    public const string TwoFactorResetByOwner = "本人换手机", TwoFactorResetDone = "两步验证已重置。使用人下次登录后须用手机重新设置。";
    public const string StaffPasswordRule = "至少 12 位，包含小写字母、大写字母、数字、符号中的至少三类；不能用常见密码，不能包含用户名。工作人员的密码每 90 天须更换一次。";
    public const string TraineePasswordRule = "至少 8 位，包含小写字母、大写字母、数字、符号中的至少三类；不能用常见密码，不能包含用户名。";
    public const string GivenPasswordMustChange = "您正在使用管理员给出的一次性密码，请先设置自己的新密码。";
    public const string PasswordTooOld = "您的密码已使用满 90 天，按规定须更换后才能继续使用。";
    public const string NotInRoster = "未能在花名册中找到与您填写的身份证号、姓名、手机号一致的人员。请联系所在村（社区）党组织核对登记信息。";
    public const string EnterIdNumber = "请输入身份证号。", EnterName = "请输入姓名。", EnterPhone = "请输入手机号。";
    public const string ChooseUserName = "请设置用户名。", ChoosePassword = "请设置密码。", RepeatPassword = "请再次输入密码。";
    public const string PasswordsDiffer = "两次输入的密码不一致。";
    public const string AlreadyRegistered = "该人员已注册过账号，请直接登录；忘记密码请联系所在村（社区）党组织或镇（街）组织办重置。";
    public const string RegisteredAudit = "学员注册";
    public static string RegisteredDetail(string maskedIdNumber) => $"人员 {maskedIdNumber}";

    // Persons
    public const string NoPersonWithIdNumber = "您的管辖范围内没有该身份证号的人员。";

    public static string SourceName(EducationSource source) => source switch
    {
        EducationSource.Recorded => "登记",
        EducationSource.Graduation => "毕业",
        _ => "更正",
    };

    // Accounts of units below (Admin/Users)
    public const string UserNameRequired = "请输入用户名。";
    public const string DisplayNameRequired = "请输入使用人姓名或岗位名称。";
    public const string SchoolRequired = "请选择院校。";
    public const string UnitCodeRequired = "请输入单位代码。";

    public static string UnitOutOfReach(string code) =>
        $"单位代码“{code}”不存在，或不在您可以开设账号的范围内（只能为本单位的下级单位开设）。";

    public static string AccountCreated(string scope, string role, string userName) => $"已为 {scope} 开设{role}账号 {userName}。";

    public const string AccountDisabled = "账号已停用，使用人将无法登录。";
    public const string AccountEnabled = "账号已启用。";

    // Audit of account changes
    public const string AccountCreatedAudit = "开设账号", AccountDisabledAudit = "停用账号", AccountEnabledAudit = "启用账号";
    public static string AccountCreatedDetail(string userName, string role, string scope) => $"{userName}（{role}，{scope}）";

    // The first administrator (create-admin)
    public const string CityName = "广州市";
    public const string CommandLineActor = "(命令行)";
    public const string AdminCreatedAudit = "命令行开设账号";
    public const string CreateAdminUsage = "用法：create-admin --user 用户名 --password 密码 [--role SystemAdmin|SecurityAuditor|CityAdmin]";

    public static string AdminDisplayName(string role) => $"{role}（{CityName}）";
    public static string AdminCreated(string userName, string role) => $"已创建{role}账号 {userName}，首次登录须修改密码并绑定验证器。";
    public static string CreateAdminUnknownRole(string role) => $"--role 只能是 SystemAdmin（系统管理员）、SecurityAuditor（安全审计员）或 CityAdmin（市委组织部），不能是 {role}。";
}
