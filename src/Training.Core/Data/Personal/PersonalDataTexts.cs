namespace Training.Core.Data.Personal;

public static class PersonalDataTexts
{
    public const string KeyTooShort = "个人信息加密密钥（Personal:Key）至少应为 32 字节（Base64 编码）。";
    public const string ValueDamaged = "加密的个人信息已损坏，无法解密。";
    public const string NoKey = "未配置个人信息加密密钥，不能读写身份证号和手机号。";

    public static string WrongKey(string table) =>
        $"个人信息加密密钥与数据库不符：{table} 中已加密的身份证号、手机号无法用当前密钥解密。请换回原来的密钥（Personal:Key 或密钥目录中的 personal-data.key）；丢失密钥即丢失这些数据。";

    public static string Encrypted(int rows) => $"已加密 {rows:N0} 行原先以明文保存的身份证号、手机号。";
}
