// Every call goes through the gateway with its sign-in cookie; the page never sees a token.
// The X-CSRF header marks the call as the page's own (the gateway refuses cookie calls without it).

/** A failed call, already put into words a leader can read. */
export class ApiError extends Error {
  readonly status: number

  constructor(status: number) {
    super(messageFor(status))
    this.status = status
  }
}

/** Sends the browser to the gateway's sign-in form, to come back to where it is now. */
export function signIn(): never {
  const returnUrl = window.location.pathname + window.location.search
  window.location.assign(`/bff/login?returnUrl=${encodeURIComponent(returnUrl)}`)
  // Navigation has begun; nothing after a sign-in redirect should render.
  throw new ApiError(401)
}

export async function getJson<T>(url: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'X-CSRF': '1', Accept: 'application/json' } })
  } catch {
    throw new ApiError(0)
  }
  if (response.status === 401) signIn()
  if (!response.ok) throw new ApiError(response.status)
  return (await response.json()) as T
}

export async function post(url: string): Promise<void> {
  await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF': '1' } })
}

// A ProblemDetails' title and detail are English and meant for developers: the page says it by status.
function messageFor(status: number): string {
  switch (status) {
    case 0:
      return '网络连接失败，请检查网络后重试'
    case 400:
      return '请求参数有误，请返回上一页重试'
    case 401:
      return '登录已过期，正在重新登录…'
    case 403:
      return '您无权查看该单位的数据'
    case 404:
      return '未找到该单位，或不在您的查看范围内'
    case 429:
      return '访问过于频繁，请稍后再试'
    case 503:
      return '服务暂时不可用，请稍后重试'
    case 504:
      return '服务响应超时，请稍后重试'
    default:
      return '数据加载失败，请稍后重试'
  }
}
