export const PackerRole = { packer: 'packer', supervisor: 'supervisor' } as const
export type PackerRole = (typeof PackerRole)[keyof typeof PackerRole]

export type Packer = Readonly<{ id: string; name: string; badge: string; role: PackerRole }>
