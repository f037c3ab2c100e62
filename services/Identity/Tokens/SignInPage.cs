using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PartyPlatform.Identity.Tokens;

/// <summary>
/// The sign-in form, as plain HTML: it posts the authorization request back (as hidden fields) with
/// the user name and password, so that OpenIddict validates the request again before a code is issued.
/// </summary>
public static class SignInPage
{
    private const string Style = """
        body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f4f1ec;color:#222}
        main{max-width:22rem;margin:12vh auto;padding:2rem;background:#fff;border-top:4px solid #c8102e;box-shadow:0 2px 12px rgba(0,0,0,.08)}
        h1{font-size:1.3rem;margin:0 0 .3rem;color:#c8102e}p{margin:.2rem 0 1.2rem;color:#666;font-size:.9rem}
        label{display:block;margin:.8rem 0 .3rem;font-size:.95rem}input{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #ccc;font-size:1rem}
        button{margin-top:1.4rem;width:100%;padding:.65rem;border:0;background:#c8102e;color:#fff;font-size:1rem;cursor:pointer}
        .error{color:#a00;background:#fdecec;padding:.5rem;margin:0 0 1rem}
        """;

    public static ContentHttpResult Render(HttpContext http, OpenIddictRequest request, string? error)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Frame-Options"] = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is Parameters.Username or Parameters.Password || (string?)value is not { } text)
            {
                continue;
            }

            hidden.Append($"""<input type="hidden" name="{Encode(name)}" value="{Encode(text)}">""").Append('\n');
        }

        var errorBlock = error is null ? "" : $"""<p class="error" role="alert">{Encode(error)}</p>""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 · 农村基层党建工作平台</title>
            <style>{Style}</style>
            </head>
            <body>
            <main>
            <h1>农村基层党建工作平台</h1>
            <p>请使用组织部分配的账号登录</p>
            {errorBlock}
            <form method="post" action="authorize">
            {hidden}<label for="username">用户名</label>
            <input id="username" name="username" autocomplete="username" required autofocus value="{Encode(request.Username ?? "")}">
            <label for="password">密码</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">登录</button>
            </form>
            </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
