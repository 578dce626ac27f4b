/** Desk roles, lowest first: each role may do everything the roles before it may (see roleAtLeast). */
export const PackerRole = { packer: 'packer', supervisor: 'supervisor', manager: 'manager', admin: 'admin' } as const
export type PackerRole = (typeof PackerRole)[keyof typeof PackerRole]

export const PACKER_ROLES: readonly PackerRole[] = [PackerRole.packer, PackerRole.supervisor, PackerRole.manager, PackerRole.admin]

/** Whether `role` ranks at or above `minimum` (a manager may do what a supervisor may). No role (nobody logged in) ranks below all. */
export function roleAtLeast(role: PackerRole | null | undefined, minimum: PackerRole): boolean {
  return role != null && PACKER_ROLES.indexOf(role) >= PACKER_ROLES.indexOf(minimum)
}

export type Packer = Readonly<{ id: string; name: string; badge: string; role: PackerRole }>
