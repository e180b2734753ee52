// Placeholder: being built (issue 4).
import type { AttachmentInfo, Meeting, MeetingRow, ParsedInput } from '../../../../shared/contract'
import type { Db } from '../../db/schema'

const todo = (): never => {
  throw new Error('belum dibuat')
}
export async function listMeetings(_db: Db, _input: ParsedInput<'meeting:list'>): Promise<MeetingRow[]> {
  return todo()
}
export async function getMeeting(_db: Db, _input: ParsedInput<'meeting:get'>): Promise<Meeting> {
  return todo()
}
export async function createMeeting(_db: Db, _input: ParsedInput<'meeting:create'>): Promise<Meeting> {
  return todo()
}
export async function updateMeeting(_db: Db, _input: ParsedInput<'meeting:update'>): Promise<Meeting> {
  return todo()
}
export async function archiveMeeting(_db: Db, _input: ParsedInput<'meeting:archive'>): Promise<{ id: string }> {
  return todo()
}
export async function addAttachment(_db: Db, _input: ParsedInput<'meeting:addAttachment'>): Promise<AttachmentInfo> {
  return todo()
}
export async function removeAttachment(_db: Db, _input: ParsedInput<'meeting:removeAttachment'>): Promise<{ id: string }> {
  return todo()
}
export async function getAttachment(_db: Db, _input: ParsedInput<'meeting:attachment'>): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  return todo()
}
