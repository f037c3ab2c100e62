import { reactive } from 'vue'
import { getJson, post } from './http'

/** The signed-in person, as the gateway's GET /bff/user answers. */
export interface User {
  name: string
  userName: string
  roles: string[]
  unitId: string
  unitCode: string
  unitName: string
}

export const session = reactive<{ user: User | null }>({ user: null })

/** Who is signed in; a 401 sends the browser to the sign-in form instead. */
export async function loadUser(): Promise<User> {
  session.user = await getJson<User>('/bff/user')
  return session.user
}

export async function signOut(): Promise<void> {
  await post('/bff/logout')
  window.location.assign('/bff/login')
}
