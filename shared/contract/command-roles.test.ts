import { describe, expect, it } from 'vitest'
import { PACKER_ROLES, roleAtLeast, type PackerRole } from '../domain/packer'
import { ErrorCode } from '../errors'
import { COMMAND_MINIMUM_ROLE } from './command-roles'
import { COMMAND_NAMES } from './commands'
import { checkCommandRole } from './dispatch'

const refusalOf = (name: keyof typeof COMMAND_MINIMUM_ROLE, role: PackerRole | null) => checkCommandRole(name, role)?.code ?? 'allowed'

describe('the command role table', () => {
  it('has exactly one entry per command', () => {
    expect(Object.keys(COMMAND_MINIMUM_ROLE).sort()).toEqual([...COMMAND_NAMES].sort())
  })

  it('lets a locked desk show itself and log in, and nothing that changes the desk', () => {
    const open = COMMAND_NAMES.filter((n) => COMMAND_MINIMUM_ROLE[n] === 'none').sort()
    expect(open).toEqual(['boxes.list', 'returns.closePrompt', 'scale.simulate', 'scan.submit', 'session.login', 'session.logout', 'station.getSnapshot'])
  })

  it.each(['sync.setPaused', 'manifests.print', 'sync.parked', 'carriers.exchanges', 'tracking.pollNow'] as const)(
    '%s (issue 12: worked with no badge) needs a supervisor',
    (name) => {
      expect(refusalOf(name, null)).toBe(ErrorCode.sessionRequired)
      expect(refusalOf(name, 'packer')).toBe(ErrorCode.supervisorRequired)
      expect(refusalOf(name, 'supervisor')).toBe('allowed')
      expect(refusalOf(name, 'admin')).toBe('allowed')
    },
  )

  it('keeps reports (costs) for managers and above', () => {
    expect(refusalOf('reports.summary', 'supervisor')).toBe(ErrorCode.roleRequired)
    expect(checkCommandRole('reports.summary', 'packer')?.notice).toEqual({ code: 'session.managerOnly', params: {} })
    expect(refusalOf('reports.summary', 'manager')).toBe('allowed')
    expect(refusalOf('reports.summary', 'admin')).toBe('allowed')
  })

  it('ranks roles packer < supervisor < manager < admin, nobody below all', () => {
    for (const [i, role] of PACKER_ROLES.entries()) {
      for (const [j, minimum] of PACKER_ROLES.entries()) expect(roleAtLeast(role, minimum)).toBe(i >= j)
      expect(roleAtLeast(null, role)).toBe(false)
    }
  })

  it('every packer-level command is allowed to any login and refused without one', () => {
    for (const name of COMMAND_NAMES.filter((n) => COMMAND_MINIMUM_ROLE[n] === 'packer')) {
      expect(refusalOf(name, null)).toBe(ErrorCode.sessionRequired)
      expect(refusalOf(name, 'packer')).toBe('allowed')
    }
  })
})
