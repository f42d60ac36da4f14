namespace Training.Web.Infrastructure.Keys;

public static class KeyTexts
{
    public static string CertificateMissing(string path) =>
        $"找不到数据保护证书 {path}（DataProtection:Certificate）。请放好证书文件，或删去该配置以使用首次运行时自动生成的证书。";

    public static string CertificateWithoutKey(string path) => $"数据保护证书 {path} 没有 RSA 私钥，不能用来加密密钥。";


    public static string ForgotUnencryptedKeys(int count) => $"已删除 {count:N0} 个未加密的数据保护密钥：已登录的用户需要重新登录一次。";
}
